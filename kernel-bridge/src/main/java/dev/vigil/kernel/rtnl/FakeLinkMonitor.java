package dev.vigil.kernel.rtnl;

import java.util.List;
import java.util.Optional;

/**
 * An in-memory {@link LinkMonitor} for tests: the test changes links and addresses with
 * {@link #putLink}, {@link #removeLink}, {@link #putAddress}, {@link #removeAddress}, and
 * listeners get the resulting events synchronously on the calling thread. Thread-safe.
 */
public final class FakeLinkMonitor implements LinkMonitor {
    private final LinkCache cache = new LinkCache();
    private final ListenerList listeners = new ListenerList();
    private volatile boolean closed;

    /** A link {@code name} with {@code index} that is up with carrier, MTU 1500. */
    public static Link upLink(int index, String name) {
        return new Link(index, name, Rtnl.IFF_UP | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP, true, OperState.UP, 1500,
                String.format("02:00:00:00:%02x:%02x", (index >> 8) & 0xff, index & 0xff), null, 0);
    }

    /** Adds or replaces a link; listeners see {@link LinkEvent.LinkUpdated} when it changed. */
    public FakeLinkMonitor putLink(Link link) {
        deliver(cache.putLink(link));
        return this;
    }

    /** Removes a link and its addresses. */
    public FakeLinkMonitor removeLink(int index) {
        deliver(cache.removeLink(index));
        return this;
    }

    /** Takes the link down or up administratively (carrier follows, as for a veth or dummy). */
    public FakeLinkMonitor setUp(int index, boolean up) {
        Link l = cache.link(index).orElseThrow(() -> new IllegalArgumentException("no link #" + index));
        int flags = up ? l.flags() | Rtnl.IFF_UP | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP
                : l.flags() & ~(Rtnl.IFF_UP | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP);
        return putLink(new Link(index, l.name(), flags, up, up ? OperState.UP : OperState.DOWN, l.mtu(), l.mac(),
                l.kind(), l.master()));
    }

    /** Sets carrier (the link stays administratively as it is). */
    public FakeLinkMonitor setCarrier(int index, boolean carrier) {
        Link l = cache.link(index).orElseThrow(() -> new IllegalArgumentException("no link #" + index));
        int flags = carrier ? l.flags() | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP
                : l.flags() & ~(Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP);
        OperState oper = !l.up() ? OperState.DOWN : carrier ? OperState.UP : OperState.LOWERLAYERDOWN;
        return putLink(new Link(index, l.name(), flags, carrier, oper, l.mtu(), l.mac(), l.kind(), l.master()));
    }

    /** Adds or updates an address; listeners see {@link LinkEvent.AddressAdded}. */
    public FakeLinkMonitor putAddress(IfAddress address) {
        deliver(cache.putAddress(address));
        return this;
    }

    /** Removes an address (matched by interface, address and prefix length). */
    public FakeLinkMonitor removeAddress(IfAddress address) {
        deliver(cache.removeAddress(address));
        return this;
    }

    /** Delivers {@link LinkEvent.Resynced}, as a real monitor does after lost notifications. */
    public FakeLinkMonitor resynced(String reason) {
        deliver(List.of(new LinkEvent.Resynced(reason)));
        return this;
    }

    private void deliver(List<LinkEvent> events) {
        if (!closed) {
            listeners.deliver(events);
        }
    }

    @Override
    public List<Link> links() {
        return cache.links();
    }

    @Override
    public Optional<Link> link(int index) {
        return cache.link(index);
    }

    @Override
    public Optional<Link> link(String name) {
        return cache.link(name);
    }

    @Override
    public List<IfAddress> addresses() {
        return cache.addresses();
    }

    @Override
    public Subscription subscribe(Listener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
    }
}
