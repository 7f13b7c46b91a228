package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory network for testing VRRP without root: {@linkplain Node nodes} have interfaces
 * attached to named segments (one broadcast domain each) and open {@link FakeVrrpSocket}s on them.
 * A multicast send reaches every socket of the same family that joined the group on an up
 * interface of the same segment, on other nodes, and on the sending node only with multicast loop
 * on. A unicast send reaches the sockets on the interface that owns the destination address when it
 * is on the same segment (no routing). Every send is recorded in {@link #sent()}.
 */
public final class FakeVrrpNetwork {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<FakeVrrpSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** An interface of a node: its index on the node, segment, addresses and link state. */
    public record Interface(String node, String name, int index, String segment, List<InetAddress> addresses,
                            boolean up) {
        public Interface {
            addresses = List.copyOf(addresses);
        }

        boolean owns(InetAddress a) {
            return addresses.stream().anyMatch(x -> Arrays.equals(x.getAddress(), a.getAddress()));
        }
    }

    /** One send, as it left the sending socket. */
    public record Sent(String node, String interfaceName, InetAddress source, InetAddress destination, int ttl,
                       byte[] payload) {
        public Sent {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sent s && s.node.equals(node) && s.interfaceName.equals(interfaceName)
                    && s.source.equals(source) && s.destination.equals(destination) && s.ttl == ttl
                    && Arrays.equals(s.payload, payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(node, interfaceName, source, destination, ttl, Arrays.hashCode(payload));
        }

        @Override
        public String toString() {
            return "Sent[" + node + "/" + interfaceName + " " + source.getHostAddress() + " > "
                    + destination.getHostAddress() + " ttl " + ttl + ", " + payload.length + " bytes]";
        }
    }

    /** A host with interfaces; interface indexes start at 2 (1 is loopback) in order of addition. */
    public final class Node {
        private final String name;
        private final Map<String, Interface> interfaces = new LinkedHashMap<>();

        private Node(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Adds interface {@code ifname}, up, on {@code segment} with {@code addresses}. */
        public Interface addInterface(String ifname, String segment, InetAddress... addresses) {
            synchronized (FakeVrrpNetwork.this) {
                if (interfaces.containsKey(ifname)) {
                    throw new IllegalArgumentException(name + " already has interface " + ifname);
                }
                Interface i = new Interface(name, ifname, interfaces.size() + 2, segment, List.of(addresses), true);
                interfaces.put(ifname, i);
                return i;
            }
        }

        /** Sets the link state of {@code ifname}; a down interface neither sends nor receives. */
        public void setLinkUp(String ifname, boolean up) {
            synchronized (FakeVrrpNetwork.this) {
                Interface i = iface(ifname);
                interfaces.put(ifname, new Interface(name, ifname, i.index(), i.segment(), i.addresses(), up));
            }
        }

        /** The interface {@code ifname}; throws ENODEV when there is none. */
        public Interface iface(String ifname) {
            synchronized (FakeVrrpNetwork.this) {
                Interface i = interfaces.get(ifname);
                if (i == null) {
                    throw new KernelException("SIOCGIFINDEX " + ifname, Errno.ENODEV, "on fake node " + name);
                }
                return i;
            }
        }

        private Interface iface(int index) {
            return interfaces.values().stream().filter(i -> i.index() == index).findFirst()
                    .orElseThrow(() -> new KernelException("SIOCGIFNAME " + index, Errno.ENODEV, "on fake node " + name));
        }

        /** Opens a fake socket on this node as {@code options} say. */
        public FakeVrrpSocket open(VrrpSocketOptions options) {
            synchronized (FakeVrrpNetwork.this) {
                Interface i = options.interfaceName() != null ? iface(options.interfaceName())
                        : iface(options.interfaceIndex());
                FakeVrrpSocket s = new FakeVrrpSocket(FakeVrrpNetwork.this, this, i.name(), i.index(), options);
                sockets.add(s);
                return s;
            }
        }
    }

    /** The node {@code name}, created on first use. */
    public synchronized Node node(String name) {
        return nodes.computeIfAbsent(Objects.requireNonNull(name, "name"), Node::new);
    }

    /** Every send so far, oldest first. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Forgets the recorded sends. */
    public void clearSent() {
        sent.clear();
    }

    void closed(FakeVrrpSocket s) {
        sockets.remove(s);
    }

    /** Routes one send from {@code from}; throws ENETDOWN when its interface is down. */
    synchronized void send(FakeVrrpSocket from, byte[] payload, InetAddress dst) {
        Interface out = from.node().iface(from.interfaceName());
        if (!out.up()) {
            throw new KernelException("sendmsg(fake " + out.name() + ")", Errno.ENETDOWN);
        }
        InetAddress src = sourceFor(from, out, dst);
        int ttl = dst.isMulticastAddress() ? VrrpSocket.TTL : from.options().unicastTtl();
        sent.add(new Sent(out.node(), out.name(), src, dst, ttl, payload));
        for (FakeVrrpSocket to : sockets) {
            Interface in = to.node().iface(to.interfaceName());
            if (to != from && reaches(from, out, to, in, dst) || to == from && loopsBack(from, dst)) {
                to.deliver(new ReceivedPacket(payload, scoped(src, in.index()), dst, in.index(), ttl));
            }
        }
    }

    private static boolean loopsBack(FakeVrrpSocket s, InetAddress dst) {
        return dst.isMulticastAddress() ? s.options().multicastLoop() && s.joined(dst)
                : s.node().iface(s.interfaceName()).owns(dst);
    }

    private static boolean reaches(FakeVrrpSocket from, Interface out, FakeVrrpSocket to, Interface in,
                                   InetAddress dst) {
        if (to.options().family() != from.options().family() || !in.up() || !in.segment().equals(out.segment())) {
            return false;
        }
        if (to.options().bindSource() && !to.options().sourceAddress().equals(dst)) {
            return false;
        }
        if (dst.isMulticastAddress()) {
            return to.joined(dst) && (to.node() != from.node() || from.options().multicastLoop());
        }
        return in.owns(dst);
    }

    private static InetAddress sourceFor(FakeVrrpSocket from, Interface out, InetAddress dst) {
        if (from.options().sourceAddress() != null) {
            return from.options().sourceAddress();
        }
        IpFamily family = from.options().family();
        boolean wantLinkLocal = family == IpFamily.V6 && (dst.isMulticastAddress() || dst.isLinkLocalAddress());
        List<InetAddress> candidates = new ArrayList<>();
        for (InetAddress a : out.addresses()) {
            if (family.matches(a)) {
                candidates.add(a);
            }
        }
        return candidates.stream().filter(a -> a.isLinkLocalAddress() == wantLinkLocal).findFirst()
                .or(() -> candidates.stream().findFirst())
                .orElseThrow(() -> new KernelException("sendmsg(fake " + out.name() + ")", Errno.EADDRNOTAVAIL,
                        "no " + family + " address on " + out.node() + "/" + out.name()));
    }

    private static InetAddress scoped(InetAddress a, int index) {
        return a instanceof Inet6Address && a.isLinkLocalAddress() ? SockAddr.inet6(a.getAddress(), index) : a;
    }
}
