package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.KernelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeVrrpNetworkTest {
    private static final byte[] ADVERT = {0x31, 0x33, 100, 1, 0, 100, 0, 0};
    private FakeVrrpNetwork net;
    private FakeVrrpNetwork.Node a;
    private FakeVrrpNetwork.Node b;
    private FakeVrrpNetwork.Node c;

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @BeforeEach
    void network() {
        net = new FakeVrrpNetwork();
        a = net.node("a");
        b = net.node("b");
        c = net.node("c");
        a.addInterface("eth0", "lan", ip("10.0.0.1"), ip("10.0.0.11"), ip("fe80::a"), ip("fd00::a"));
        b.addInterface("eth1", "dmz", ip("192.168.0.2"));
        b.addInterface("eth0", "lan", ip("10.0.0.2"), ip("fe80::b"), ip("fd00::b"));
        c.addInterface("eth0", "other", ip("10.0.0.3"));
    }

    private static FakeVrrpSocket open(FakeVrrpNetwork.Node n, IpFamily f, UnaryOperator<VrrpSocketOptions.Builder> o) {
        return n.open(o.apply(VrrpSocketOptions.builder(f, "eth0")).build());
    }

    private static FakeVrrpSocket open(FakeVrrpNetwork.Node n, IpFamily f) {
        return open(n, f, o -> o);
    }

    private static ReceivedPacket now(VrrpSocket s) {
        return s.receive(Duration.ZERO).orElseThrow(() -> new AssertionError("nothing queued on " + s));
    }

    @Test
    void multicastReachesJoinedSocketsOnTheSegmentOnly() {
        FakeVrrpSocket sa = open(a, IpFamily.V4);
        FakeVrrpSocket sb = open(b, IpFamily.V4);
        FakeVrrpSocket notJoined = open(b, IpFamily.V4);
        FakeVrrpSocket elsewhere = open(c, IpFamily.V4);
        sa.joinVrrpGroup();
        sb.joinVrrpGroup();
        elsewhere.joinVrrpGroup();

        sa.sendToGroup(ADVERT);

        ReceivedPacket p = now(sb);
        assertThat(p).isEqualTo(new ReceivedPacket(ADVERT, ip("10.0.0.1"), ip("224.0.0.18"), 3, 255));
        assertThat(sb.interfaceIndex()).isEqualTo(3);
        assertThat(notJoined.pending()).isZero();
        assertThat(elsewhere.pending()).isZero();
        assertThat(sa.pending()).as("multicast loop off").isZero();
        assertThat(net.sent()).containsExactly(
                new FakeVrrpNetwork.Sent("a", "eth0", ip("10.0.0.1"), ip("224.0.0.18"), 255, ADVERT));
    }

    @Test
    void multicastLoopDeliversToTheSendingNode() {
        FakeVrrpSocket sa = open(a, IpFamily.V4, o -> o.multicastLoop(true));
        FakeVrrpSocket other = open(a, IpFamily.V4);
        sa.joinVrrpGroup();
        other.joinVrrpGroup();
        sa.sendToGroup(ADVERT);
        assertThat(now(sa).payload()).isEqualTo(ADVERT);
        assertThat(now(other).payload()).isEqualTo(ADVERT);
    }

    @Test
    void leavingTheGroupStopsDelivery() {
        FakeVrrpSocket sa = open(a, IpFamily.V4);
        FakeVrrpSocket sb = open(b, IpFamily.V4);
        sb.joinVrrpGroup();
        sb.leaveGroup(IpFamily.V4.vrrpGroup());
        sa.sendToGroup(ADVERT);
        assertThat(sb.receive(Duration.ZERO)).isEmpty();
    }

    @Test
    void unicastGoesToTheOwnerOfTheAddressWithChosenSourceAndTtl() {
        FakeVrrpSocket sa = open(a, IpFamily.V4, o -> o.sourceAddress(ip("10.0.0.11")).unicastTtl(64));
        FakeVrrpSocket sb = open(b, IpFamily.V4);
        FakeVrrpSocket sc = open(c, IpFamily.V4);
        sa.send(ADVERT, ip("10.0.0.2"));
        sa.send(ADVERT, ip("10.0.0.3"));
        ReceivedPacket p = now(sb);
        assertThat(p.source()).isEqualTo(ip("10.0.0.11"));
        assertThat(p.destination()).isEqualTo(ip("10.0.0.2"));
        assertThat(p.ttl()).isEqualTo(64);
        assertThat(p.hasVrrpTtl()).isFalse();
        assertThat(sc.pending()).as("other segment, no routing").isZero();
        assertThat(net.sent()).hasSize(2);
    }

    @Test
    void ipv6MulticastUsesTheLinkLocalSourceScopedToTheReceiver() {
        FakeVrrpSocket sa = open(a, IpFamily.V6);
        FakeVrrpSocket sb = open(b, IpFamily.V6);
        FakeVrrpSocket v4 = open(b, IpFamily.V4);
        sb.joinVrrpGroup();
        sa.sendToGroup(ADVERT);
        sa.send(ADVERT, ip("fd00::b"));
        ReceivedPacket m = now(sb);
        assertThat(m.source()).isEqualTo(ip("fe80::a"));
        assertThat(((Inet6Address) m.source()).getScopeId()).isEqualTo(3);
        assertThat(m.destination()).isEqualTo(ip("ff02::12"));
        assertThat(m.ttl()).isEqualTo(255);
        assertThat(now(sb).source()).isEqualTo(ip("fd00::a"));
        assertThat(v4.pending()).isZero();
    }

    @Test
    void dropInvalidTtlSkipsInjectedPackets() {
        FakeVrrpSocket sb = open(b, IpFamily.V4, o -> o.dropInvalidTtl(true));
        sb.inject(new ReceivedPacket(ADVERT, ip("10.0.0.9"), ip("224.0.0.18"), 3, 254));
        sb.inject(new ReceivedPacket(ADVERT, ip("10.0.0.1"), ip("224.0.0.18"), 3, 255));
        assertThat(now(sb).source()).isEqualTo(ip("10.0.0.1"));
        assertThat(sb.receive(Duration.ZERO)).isEmpty();
    }

    @Test
    void linkDownStopsSendingAndReceiving() {
        FakeVrrpSocket sa = open(a, IpFamily.V4);
        FakeVrrpSocket sb = open(b, IpFamily.V4);
        sb.joinVrrpGroup();
        b.setLinkUp("eth0", false);
        sa.sendToGroup(ADVERT);
        assertThat(sb.pending()).isZero();
        assertThatThrownBy(() -> sb.sendToGroup(ADVERT)).isInstanceOf(KernelException.class)
                .hasMessageContaining("ENETDOWN");
        b.setLinkUp("eth0", true);
        sa.sendToGroup(ADVERT);
        assertThat(sb.pending()).isOne();
    }

    @Test
    void socketByIndexAndUnknownInterface() {
        FakeVrrpSocket s = b.open(VrrpSocketOptions.builder(IpFamily.V4, 2).build());
        assertThat(s.interfaceName()).isEqualTo("eth1");
        assertThatThrownBy(() -> b.open(VrrpSocketOptions.builder(IpFamily.V4, "eth9").build()))
                .isInstanceOf(KernelException.class).hasMessageContaining("ENODEV");
        assertThatThrownBy(() -> open(c, IpFamily.V6).sendToGroup(ADVERT))
                .isInstanceOf(KernelException.class).hasMessageContaining("EADDRNOTAVAIL");
    }

    @Test
    void closeWakesABlockedReceiverAndRejectsLaterCalls() throws Exception {
        FakeVrrpSocket sb = open(b, IpFamily.V4);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                sb.receive(Duration.ofMinutes(5));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        sb.close();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(VrrpSocketClosedException.class);
        assertThat(sb.isClosed()).isTrue();
        assertThatThrownBy(() -> sb.sendToGroup(ADVERT)).isInstanceOf(VrrpSocketClosedException.class)
                .hasMessageContaining("EBADF");
        open(a, IpFamily.V4).sendToGroup(ADVERT);
        assertThat(sb.pending()).isZero();
    }

    @Test
    void familyMismatchIsRejected() {
        FakeVrrpSocket sa = open(a, IpFamily.V4);
        assertThatThrownBy(() -> sa.send(ADVERT, ip("fd00::b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sa.joinGroup(ip("10.0.0.2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
