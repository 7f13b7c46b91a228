package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.NlMessage;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The known links and addresses, and the events that changing them produces. Every update
 * returns only real differences, so a notification that repeats the known state yields nothing
 * and a full re-read ({@link #replace}) yields exactly what changed. Thread-safe.
 */
final class LinkCache {
    private record AddrKey(int ifindex, InetAddress address, int prefixLength) {
        static AddrKey of(IfAddress a) {
            return new AddrKey(a.ifindex(), a.address(), a.prefixLength());
        }
    }

    private final Map<Integer, Link> links = new TreeMap<>();
    private final Map<AddrKey, IfAddress> addrs = new LinkedHashMap<>();

    /** Applies one rtnetlink notification or dump message; other message types yield nothing. */
    synchronized List<LinkEvent> apply(NlMessage m) {
        List<LinkEvent> out = new ArrayList<>();
        switch (m.type()) {
            case Rtnl.RTM_NEWLINK -> {
                Link l = LinkCodec.decode(m);
                if (l != null) {
                    putLink(l, out);
                }
            }
            case Rtnl.RTM_DELLINK -> {
                Link l = LinkCodec.decode(m);
                if (l != null) {
                    removeLink(l.index(), out);
                }
            }
            case Rtnl.RTM_NEWADDR -> Optional.ofNullable(AddressCodec.decode(m)).ifPresent(a -> putAddress(a, out));
            case Rtnl.RTM_DELADDR -> Optional.ofNullable(AddressCodec.decode(m)).ifPresent(a -> removeAddress(a, out));
            default -> {
                // not a link or address message
            }
        }
        return out;
    }

    synchronized List<LinkEvent> putLink(Link link) {
        List<LinkEvent> out = new ArrayList<>();
        putLink(link, out);
        return out;
    }

    synchronized List<LinkEvent> removeLink(int index) {
        List<LinkEvent> out = new ArrayList<>();
        removeLink(index, out);
        return out;
    }

    synchronized List<LinkEvent> putAddress(IfAddress a) {
        List<LinkEvent> out = new ArrayList<>();
        putAddress(a, out);
        return out;
    }

    synchronized List<LinkEvent> removeAddress(IfAddress a) {
        List<LinkEvent> out = new ArrayList<>();
        removeAddress(a, out);
        return out;
    }

    /**
     * Replaces the whole state with a fresh dump and returns the differences: links that
     * appeared or changed, addresses removed, addresses added or changed, links removed.
     */
    synchronized List<LinkEvent> replace(List<Link> newLinks, List<IfAddress> newAddrs) {
        List<LinkEvent> out = new ArrayList<>();
        Map<Integer, Link> linkMap = new TreeMap<>();
        newLinks.forEach(l -> linkMap.put(l.index(), l));
        Map<AddrKey, IfAddress> addrMap = new LinkedHashMap<>();
        newAddrs.forEach(a -> addrMap.put(AddrKey.of(a), a));
        linkMap.values().forEach(l -> putLink(l, out));
        for (IfAddress a : List.copyOf(addrs.values())) {
            if (!addrMap.containsKey(AddrKey.of(a))) {
                removeAddress(a, out);
            }
        }
        addrMap.values().forEach(a -> putAddress(a, out));
        for (Integer index : List.copyOf(links.keySet())) {
            if (!linkMap.containsKey(index)) {
                removeLink(index, out);
            }
        }
        return out;
    }

    private void putLink(Link l, List<LinkEvent> out) {
        Link old = links.put(l.index(), l);
        if (!l.equals(old)) {
            out.add(new LinkEvent.LinkUpdated(old, l));
        }
    }

    private void removeLink(int index, List<LinkEvent> out) {
        Iterator<IfAddress> it = addrs.values().iterator();
        while (it.hasNext()) {
            IfAddress a = it.next();
            if (a.ifindex() == index) {
                it.remove();
                out.add(new LinkEvent.AddressRemoved(a));
            }
        }
        Link old = links.remove(index);
        if (old != null) {
            out.add(new LinkEvent.LinkRemoved(old));
        }
    }

    private void putAddress(IfAddress a, List<LinkEvent> out) {
        IfAddress old = addrs.put(AddrKey.of(a), a);
        if (!a.equals(old)) {
            out.add(new LinkEvent.AddressAdded(a, old));
        }
    }

    private void removeAddress(IfAddress a, List<LinkEvent> out) {
        IfAddress old = addrs.remove(AddrKey.of(a));
        if (old != null) {
            out.add(new LinkEvent.AddressRemoved(old));
        }
    }

    synchronized List<Link> links() {
        return List.copyOf(links.values());
    }

    synchronized Optional<Link> link(int index) {
        return Optional.ofNullable(links.get(index));
    }

    synchronized Optional<Link> link(String name) {
        Objects.requireNonNull(name, "name");
        return links.values().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    synchronized List<IfAddress> addresses() {
        return List.copyOf(addrs.values());
    }
}
