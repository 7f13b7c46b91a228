package dev.vigil.vrrp.instance;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.RecordingArpSender;
import dev.vigil.kernel.rtnl.FakeAddressTable;
import dev.vigil.kernel.rtnl.FakeLinkMonitor;
import dev.vigil.kernel.rtnl.FakeRouteTable;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.vrrp.FakeVrrpNetwork;
import dev.vigil.kernel.vrrp.FakeVrrpSocket;
import dev.vigil.kernel.vrrp.ReceivedPacket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.vrrp.fsm.VrrpState;
import dev.vigil.vrrp.time.VirtualScheduler;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes running {@link InstanceRunner}s on one {@link FakeVrrpNetwork} segment, each with its own
 * virtual clock; {@link #run} advances all clocks in small lockstep steps and delivers packets in
 * between. A killed node's clock stops, like a process killed with SIGKILL.
 */
final class FakeLan {
    final FakeVrrpNetwork network = new FakeVrrpNetwork();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<String> transitions = new ArrayList<>();
    long now;
    /** How long before being handled each packet arrived (time spent waiting for the loop). */
    long handlingLagNanos;

    final class Node {
        final String name;
        final VirtualScheduler clock = new VirtualScheduler(now);
        final FakeLinkMonitor links = new FakeLinkMonitor();
        final FakeAddressTable addresses = new FakeAddressTable(links);
        final FakeRouteTable routes = new FakeRouteTable();
        final RecordingArpSender arp = new RecordingArpSender().withInterface("eth0", dev.vigil.kernel.arp.MacAddress.parse("02:00:00:00:00:01"));
        final InetAddress address;
        FakeVrrpSocket socket;
        InstanceRunner runner;
        boolean alive = true;
        /** When the last packet delivered to this node arrived. */
        long lastArrival;

        Node(String name, InetAddress address) {
            this.name = name;
            this.address = address;
        }

        boolean holds(InetAddress vip) {
            return addresses.list().stream().anyMatch(a -> a.address().equals(vip));
        }

        VrrpState state() {
            return runner.state();
        }

        void kill() {
            alive = false;
            socket.close();
        }
    }

    Node add(String name, String address, InstanceSpec spec) {
        return add(name, address, spec, null, AddressRecord.NONE);
    }

    /** A node whose addresses go to {@code port} (null: its address table) and are told to {@code record}. */
    Node add(String name, String address, InstanceSpec spec, VipPort port, AddressRecord record) {
        InetAddress a = ip(address);
        Node n = new Node(name, a);
        n.links.putLink(FakeLinkMonitor.upLink(2, "eth0"));
        network.node(name).addInterface("eth0", "lan", a);
        IpFamily family = IpFamily.of(a);
        n.socket = network.node(name).open(VrrpSocketOptions.builder(family, "eth0").sourceAddress(a).build());
        InstanceContext ctx = new InstanceContext(n.clock, n.socket, n.addresses, n.routes, n.arp,
                (inst, from, to, prio, reason) -> transitions.add(
                        String.format("%d %s %s %s->%s %s", now / 1_000_000, name, inst, from, to == null ? "STOP" : to, reason)),
                null, port, record);
        n.runner = new InstanceRunner(spec, ctx, a);
        nodes.put(name, n);
        return n;
    }

    void start(Node n) {
        n.clock.execute(n.runner::start);
    }

    /** Advances every live node by {@code d} in 5 ms steps, delivering packets after each step. */
    void run(Duration d) {
        long end = now + d.toNanos();
        while (now < end) {
            now = Math.min(end, now + 5_000_000L);
            for (Node n : nodes.values()) {
                if (n.alive) {
                    n.clock.advanceTo(now);
                }
            }
            deliver();
        }
    }

    /** Runs until {@code condition} holds, at most {@code limit}; returns the virtual time it took (ms). */
    long runUntil(Duration limit, java.util.function.BooleanSupplier condition) {
        long start = now;
        long end = now + limit.toNanos();
        while (now < end && !condition.getAsBoolean()) {
            run(Duration.ofMillis(5));
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("condition not met within " + limit + "; transitions: " + transitions);
        }
        return (now - start) / 1_000_000;
    }

    private void deliver() {
        for (Node n : nodes.values()) {
            if (!n.alive) {
                continue;
            }
            Optional<ReceivedPacket> p;
            while ((p = n.socket.receive(Duration.ZERO)).isPresent()) {
                ReceivedPacket packet = p.get();
                n.lastArrival = now - handlingLagNanos;
                n.runner.onPacket(packet, n.lastArrival);
            }
        }
    }

    /** An address literal (no name lookup). */
    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static IfAddress vip(String cidr) {
        return IfAddress.of(2, cidr);
    }
}
