package dev.vigil.kernel.rtnl;

import java.util.List;
import java.util.Optional;

/**
 * The interfaces and addresses of the host, kept current from kernel notifications, and a stream
 * of {@link LinkEvent}s: link up/down, carrier and other link changes, links appearing and
 * going away, addresses added and removed.
 *
 * <p>To see every change: {@link #subscribe} first, then read {@link #links()} /
 * {@link #addresses()}; an event may then describe a change the snapshot already shows.
 * Listeners run on the monitor's own thread, one event at a time and in order; they must not
 * block (hand the event to your event loop). An in-memory implementation for tests is
 * {@link FakeLinkMonitor}.
 */
public interface LinkMonitor extends AutoCloseable {

    /** Receives events on the monitor's thread. */
    @FunctionalInterface
    interface Listener {
        void onEvent(LinkEvent event);
    }

    /** All links, by index. */
    List<Link> links();

    /** The link with {@code index}. */
    Optional<Link> link(int index);

    /** The link named {@code name}. */
    Optional<Link> link(String name);

    /** The index of the link named {@code name}, or 0 when there is none. */
    default int indexOf(String name) {
        return link(name).map(Link::index).orElse(0);
    }

    /** The name of link {@code index}, or {@code null} when there is none. */
    default String nameOf(int index) {
        return link(index).map(Link::name).orElse(null);
    }

    /** All IPv4 and IPv6 addresses. */
    List<IfAddress> addresses();

    /** The addresses of link {@code index}. */
    default List<IfAddress> addresses(int index) {
        return addresses().stream().filter(a -> a.ifindex() == index).toList();
    }

    /** Delivers events from now on to {@code listener} until the returned handle is closed. */
    Subscription subscribe(Listener listener);

    /** Stops the monitor (its thread ends promptly); listeners get no more events. */
    @Override
    void close();

    /** Cancels a subscription. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
