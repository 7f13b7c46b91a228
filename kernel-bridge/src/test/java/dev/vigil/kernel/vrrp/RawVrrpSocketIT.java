package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.InetChecksum;
import dev.vigil.kernel.libc.Syscalls;
import dev.vigil.kernel.netns.NetNamespace;
import dev.vigil.kernel.testing.Capture;
import dev.vigil.kernel.testing.TestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw VRRP sockets in two namespaces joined by a veth pair: a0 (node A) <-> b0 (node B). */
class RawVrrpSocketIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestNet net;
    private static String nsA;
    private static String nsB;
    private static int indexB;

    @BeforeAll
    static void network() throws Exception {
        net = TestNet.create("vrrp");
        nsA = net.ns("a");
        nsB = net.ns("b");
        for (String ns : new String[] {nsA, nsB}) {
            net.exec(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        }
        net.veth(nsA, "a0", nsB, "b0");
        net.exec(nsA, "ip", "addr", "add", "10.77.0.1/24", "dev", "a0");
        net.exec(nsA, "ip", "addr", "add", "10.77.0.11/24", "dev", "a0");
        net.exec(nsA, "ip", "-6", "addr", "add", "fd00:77::1/64", "dev", "a0", "nodad");
        net.exec(nsA, "ip", "-6", "addr", "add", "fd00:77::11/64", "dev", "a0", "nodad");
        net.exec(nsB, "ip", "addr", "add", "10.77.0.2/24", "dev", "b0");
        net.exec(nsB, "ip", "-6", "addr", "add", "fd00:77::2/64", "dev", "b0", "nodad");
        for (String[] nd : new String[][] {{nsA, "a0"}, {nsB, "b0"}}) {
            assertThat(TestNet.await(10_000, () -> net.exec(nd[0], "ip", "-6", "addr", "show", "dev", nd[1],
                    "tentative").isBlank() && !linkLocal(nd[0], nd[1]).isEmpty())).as("IPv6 ready").isTrue();
        }
        indexB = NetNamespace.named(nsB).call(() -> Syscalls.ifNameToIndex("b0"));
    }

    @AfterAll
    static void teardown() {
        if (net != null) {
            net.close();
        }
    }

    private static String linkLocal(String ns, String dev) {
        String out = net.exec(ns, "ip", "-6", "-o", "addr", "show", "dev", dev, "scope", "link");
        int i = out.indexOf("inet6 ");
        return i < 0 ? "" : out.substring(i + 6, out.indexOf('/', i));
    }

    private static VrrpSocket open(String ns, IpFamily family, String dev,
                                   UnaryOperator<VrrpSocketOptions.Builder> config) throws Exception {
        VrrpSocketOptions o = config.apply(VrrpSocketOptions.builder(family, dev)).build();
        return NetNamespace.named(ns).call(() -> RawVrrpSocket.open(o));
    }

    private static VrrpSocket open(String ns, IpFamily family, String dev) throws Exception {
        return open(ns, family, dev, b -> b);
    }

    /**
     * A payload for an IPv6 VRRP socket: at least the 8-byte VRRP header, with a zero checksum
     * field at offset 6 (the kernel fills it in, IPV6_CHECKSUM).
     */
    private static byte[] v6(String s) {
        byte[] b = java.util.Arrays.copyOf(bytes(s), Math.max(8, s.length()));
        b[6] = 0;
        b[7] = 0;
        return b;
    }

    private static byte[] noChecksum(byte[] payload) {
        byte[] b = payload.clone();
        b[6] = 0;
        b[7] = 0;
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static ReceivedPacket next(VrrpSocket s) {
        return s.receive(WAIT).orElseThrow(() -> new AssertionError("nothing received on " + s));
    }

    @Test
    void advertsLeaveWithNetworkControlTosAndTrafficClass() throws Exception {
        Capture.assumeInstalled("tcpdump");
        for (IpFamily family : IpFamily.values()) {
            try (VrrpSocket tx = open(nsA, family, "a0");
                 Capture cap = Capture.start(net, nsB, "listening on", "tcpdump", "-i", "b0", "-nn", "-v", "-l",
                         "-c", "1", family == IpFamily.V4 ? "ip proto 112" : "ip6 proto 112")) {
                assertThat(cap.awaitReady(10_000)).as("capture ready: %s", cap.output()).isTrue();
                long deadline = System.nanoTime() + 10_000_000_000L;
                do {
                    tx.sendToGroup(new byte[] {0x31, 0x33, 0x64, 0x01, 0x00, 0x64, 0x00, 0x00});
                } while (!cap.awaitExit(250) && System.nanoTime() < deadline);
                assertThat(cap.output()).as("%s advert", family)
                        .contains(family == IpFamily.V4 ? "tos 0xc0" : "class 0xc0");
            }
        }
    }

    @Test
    void ipv4MulticastArrivesWithInterfaceTtlAndAddressesUntilLeft() throws Exception {
        try (VrrpSocket rx = open(nsB, IpFamily.V4, "b0"); VrrpSocket tx = open(nsA, IpFamily.V4, "a0")) {
            rx.joinVrrpGroup();
            tx.joinVrrpGroup();
            assertThat(rx.interfaceIndex()).isEqualTo(indexB);
            byte[] advert = {0x21, 0x33, (byte) 0x96, 0x01, 0x00, 0x01, 0x3e, 0x5d, 10, 9, 0, 100};
            tx.sendToGroup(advert);

            ReceivedPacket p = next(rx);
            assertThat(p.payload()).isEqualTo(advert);
            assertThat(p.interfaceIndex()).isEqualTo(indexB);
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.hasVrrpTtl()).isTrue();
            assertThat(p.source()).isEqualTo(InetAddress.getByName("10.77.0.1"));
            assertThat(p.destination()).isEqualTo(InetAddress.getByName("224.0.0.18"));
            assertThat(p.multicast()).isTrue();

            // Multicast loop is off: A does not hear its own advert; B's unicast marker comes first.
            rx.send(bytes("marker-to-a"), InetAddress.getByName("10.77.0.1"));
            assertThat(next(tx).payload()).isEqualTo(bytes("marker-to-a"));

            rx.leaveGroup(IpFamily.V4.vrrpGroup());
            assertThat(net.exec(nsB, "ip", "maddr", "show", "dev", "b0")).doesNotContain("224.0.0.18");
            tx.sendToGroup(bytes("after-leave"));
            tx.send(bytes("marker-to-b"), InetAddress.getByName("10.77.0.2"));
            assertThat(next(rx).payload()).isEqualTo(bytes("marker-to-b"));
        }
    }

    @Test
    void ipv4UnicastAndMulticastFromSecondaryAddressViaPktinfo() throws Exception {
        InetAddress secondary = InetAddress.getByName("10.77.0.11");
        try (VrrpSocket rx = open(nsB, IpFamily.V4, "b0");
             VrrpSocket tx = open(nsA, IpFamily.V4, "a0", b -> b.sourceAddress(secondary))) {
            tx.send(bytes("unicast"), InetAddress.getByName("10.77.0.2"));
            ReceivedPacket p = next(rx);
            assertThat(p.payload()).isEqualTo(bytes("unicast"));
            assertThat(p.source()).isEqualTo(secondary);
            assertThat(p.destination()).isEqualTo(InetAddress.getByName("10.77.0.2"));
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.interfaceIndex()).isEqualTo(indexB);
            assertThat(p.multicast()).isFalse();

            rx.joinVrrpGroup();
            tx.sendToGroup(bytes("mcast_src_ip"));
            ReceivedPacket m = next(rx);
            assertThat(m.source()).isEqualTo(secondary);
            assertThat(m.destination()).isEqualTo(IpFamily.V4.vrrpGroup());
        }
    }

    @Test
    void ipv4UnicastFromBoundSourceAddress() throws Exception {
        InetAddress secondary = InetAddress.getByName("10.77.0.11");
        try (VrrpSocket rx = open(nsB, IpFamily.V4, "b0");
             VrrpSocket tx = open(nsA, IpFamily.V4, "a0", b -> b.sourceAddress(secondary).bindSource(true))) {
            tx.send(bytes("bound"), InetAddress.getByName("10.77.0.2"));
            ReceivedPacket p = next(rx);
            assertThat(p.payload()).isEqualTo(bytes("bound"));
            assertThat(p.source()).isEqualTo(secondary);
        }
    }

    @Test
    void unicastTtlOtherThan255IsReportedOrDroppedOnRequest() throws Exception {
        InetAddress b = InetAddress.getByName("10.77.0.2");
        try (VrrpSocket rx = open(nsB, IpFamily.V4, "b0");
             VrrpSocket strict = open(nsB, IpFamily.V4, "b0", o -> o.dropInvalidTtl(true));
             VrrpSocket tx64 = open(nsA, IpFamily.V4, "a0", o -> o.unicastTtl(64));
             VrrpSocket tx = open(nsA, IpFamily.V4, "a0")) {
            rx.joinVrrpGroup();
            tx64.send(bytes("ttl64"), b);
            ReceivedPacket p = next(rx);
            assertThat(p.payload()).isEqualTo(bytes("ttl64"));
            assertThat(p.ttl()).isEqualTo(64);
            assertThat(p.hasVrrpTtl()).isFalse();

            tx.send(bytes("ttl255"), b);
            assertThat(next(strict).payload()).as("TTL 64 packet dropped").isEqualTo(bytes("ttl255"));

            assertThat(next(rx).payload()).isEqualTo(bytes("ttl255"));
            tx64.sendToGroup(bytes("multicast"));
            ReceivedPacket m = next(rx);
            assertThat(m.payload()).isEqualTo(bytes("multicast"));
            assertThat(m.ttl()).as("multicast TTL is always 255").isEqualTo(255);
        }
    }

    @Test
    void ipv6MulticastFromLinkLocalWithHopLimit255() throws Exception {
        try (VrrpSocket rx = open(nsB, IpFamily.V6, "b0"); VrrpSocket tx = open(nsA, IpFamily.V6, "a0")) {
            rx.joinVrrpGroup();
            // A VRRPv3 advert sent with a zero checksum: the kernel fills it in over the pseudo-header.
            byte[] advert = {0x31, 0x34, (byte) 0x96, 0x01, 0x00, 0x64, 0x00, 0x00};
            tx.sendToGroup(advert);

            ReceivedPacket p = next(rx);
            assertThat(java.util.Arrays.copyOf(p.payload(), 6)).isEqualTo(java.util.Arrays.copyOf(advert, 6));
            assertThat(InetChecksum.ipv6((Inet6Address) p.source(), (Inet6Address) p.destination(), 112,
                    p.payload(), 0, p.payload().length)).as("checksum over the pseudo-header").isZero();
            assertThat(p.source()).isEqualTo(InetAddress.getByName(linkLocal(nsA, "a0")));
            assertThat(((Inet6Address) p.source()).getScopeId()).isEqualTo(indexB);
            assertThat(p.destination()).isEqualTo(InetAddress.getByName("ff02::12"));
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.interfaceIndex()).isEqualTo(indexB);

            rx.leaveGroup(IpFamily.V6.vrrpGroup());
            tx.sendToGroup(v6("after-leave"));
            tx.send(v6("marker"), InetAddress.getByName("fd00:77::2"));
            assertThat(noChecksum(next(rx).payload())).isEqualTo(v6("marker"));
        }
    }

    @Test
    void ipv6UnicastWithChosenSourceAndHopLimit() throws Exception {
        InetAddress source = InetAddress.getByName("fd00:77::11");
        InetAddress b = InetAddress.getByName("fd00:77::2");
        try (VrrpSocket rx = open(nsB, IpFamily.V6, "b0");
             VrrpSocket tx = open(nsA, IpFamily.V6, "a0", o -> o.sourceAddress(source));
             VrrpSocket tx64 = open(nsA, IpFamily.V6, "a0", o -> o.unicastTtl(64))) {
            tx.send(v6("unicast6"), b);
            ReceivedPacket p = next(rx);
            assertThat(noChecksum(p.payload())).isEqualTo(v6("unicast6"));
            assertThat(p.source()).isEqualTo(source);
            assertThat(p.destination()).isEqualTo(b);
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.interfaceIndex()).isEqualTo(indexB);

            tx64.send(v6("hop64"), b);
            ReceivedPacket q = next(rx);
            assertThat(q.ttl()).isEqualTo(64);
            assertThat(noChecksum(q.payload())).isEqualTo(v6("hop64"));
        }
    }

    @Test
    void closeWakesABlockedReceiver() throws Exception {
        VrrpSocket rx = open(nsB, IpFamily.V4, "b0");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                entered.countDown();
                rx.receive(Duration.ofMinutes(5));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "blocked-receiver");
        t.setDaemon(true);
        try {
            t.start();
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // Wait until the receiver is parked in the kernel (poll), not merely started.
            assertThat(TestNet.await(10_000, () -> t.getState() == Thread.State.RUNNABLE
                    && Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().contains("jnr")
                    || e.getMethodName().contains("poll")))).as("receiver waits in poll").isTrue();
        } finally {
            rx.close();
        }
        t.join(10_000);
        assertThat(t.isAlive()).as("receiver woken by close").isFalse();
        assertThat(outcome.get()).isInstanceOf(VrrpSocketClosedException.class);
        assertThat(rx.isClosed()).isTrue();
    }
}
