package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link LinkControl} for tests that answers like the kernel: {@code EEXIST} for a
 * taken name, {@code ENODEV} for a missing base or link. Pre-existing links are added with
 * {@link #addExisting}; indexes of new links follow the highest one in use.
 */
public final class FakeLinkControl implements LinkControl {
    /** A link as the fake holds it: its index, the macvlan it was created as (or null) and whether it is up. */
    public record FakeLink(int index, Macvlan macvlan, boolean up) {
    }

    private final Map<String, FakeLink> links = new LinkedHashMap<>();
    private int lastIndex;

    /** Declares an existing link (e.g. {@code eth0}), up. */
    public synchronized FakeLinkControl addExisting(String name, int index) {
        links.put(name, new FakeLink(index, null, true));
        lastIndex = Math.max(lastIndex, index);
        return this;
    }

    @Override
    public synchronized int addMacvlan(Macvlan macvlan) {
        if (links.containsKey(macvlan.name())) {
            throw new NetlinkException("RTM_NEWLINK macvlan " + macvlan.name(), Errno.EEXIST, null);
        }
        if (links.values().stream().noneMatch(l -> l.index() == macvlan.baseIndex())) {
            throw new NetlinkException("RTM_NEWLINK macvlan " + macvlan.name(), Errno.ENODEV, null);
        }
        int index = ++lastIndex;
        links.put(macvlan.name(), new FakeLink(index, macvlan, false));
        return index;
    }

    @Override
    public synchronized void setUp(int index, boolean up) {
        Map.Entry<String, FakeLink> e = links.entrySet().stream().filter(x -> x.getValue().index() == index)
                .findFirst().orElseThrow(() -> new NetlinkException("RTM_NEWLINK dev #" + index, Errno.ENODEV, null));
        e.setValue(new FakeLink(index, e.getValue().macvlan(), up));
    }

    @Override
    public synchronized boolean ensureAbsent(String name) {
        return links.remove(name) != null;
    }

    @Override
    public synchronized int indexOf(String name) {
        FakeLink l = links.get(name);
        return l == null ? 0 : l.index();
    }

    /** The link named {@code name}, if there is one. */
    public synchronized Optional<FakeLink> link(String name) {
        return Optional.ofNullable(links.get(name));
    }
}
