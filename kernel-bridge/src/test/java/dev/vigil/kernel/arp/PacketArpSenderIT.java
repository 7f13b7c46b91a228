package dev.vigil.kernel.arp;

import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.netns.NetNamespace;
import dev.vigil.kernel.testing.Capture;
import dev.vigil.kernel.testing.TestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static dev.vigil.kernel.arp.ArpFramesTest.HEX;
import static dev.vigil.kernel.arp.ArpFramesTest.IF_MAC;
import static dev.vigil.kernel.arp.ArpFramesTest.v4;
import static dev.vigil.kernel.arp.ArpFramesTest.v6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Announcements sent from namespace A (interface a0, MAC 02:00:00:00:0a:01) and captured in
 * namespace B on the other end of the veth; the expected bytes are keepalived's own frames for the
 * same MAC and addresses (see {@link ArpFramesTest}).
 */
class PacketArpSenderIT {
    private static final long DEADLINE = 30_000;
    private static TestNet net;
    private static String nsA;
    private static String nsB;

    @BeforeAll
    static void network() {
        net = TestNet.create("arp");
        nsA = net.ns("a");
        nsB = net.ns("b");
        net.veth(nsA, "a0", nsB, "b0");
        net.exec(nsA, "ip", "link", "set", "a0", "down");
        net.exec(nsA, "ip", "link", "set", "a0", "address", IF_MAC.toString());
        net.exec(nsA, "ip", "link", "set", "a0", "up");
        net.exec(nsA, "ip", "addr", "add", "10.9.0.1/24", "dev", "a0");
    }

    @AfterAll
    static void teardown() {
        if (net != null) {
            net.close();
        }
    }

    private static void sendFromA(Consumer<ArpSender> body) throws Exception {
        NetNamespace.named(nsA).call(() -> {
            try (ArpSender s = PacketArpSender.open()) {
                body.accept(s);
            }
            return null;
        });
    }

    private static String capture(Consumer<ArpSender> send, String readyMarker, String... cmd) throws Exception {
        try (Capture cap = Capture.start(net, nsB, readyMarker, cmd)) {
            assertThat(cap.awaitReady(DEADLINE)).as("capture ready: %s", cap.output()).isTrue();
            // tshark reports "Capturing on" a moment before dumpcap really captures: repeat the
            // (idempotent) announcement until the capture has its one packet.
            long deadline = System.nanoTime() + DEADLINE * 1_000_000L;
            do {
                sendFromA(send);
            } while (!cap.awaitExit(250) && System.nanoTime() < deadline);
            assertThat(cap.awaitExit(0)).as("packet captured: %s", cap.output()).isTrue();
            return cap.output();
        }
    }

    private static String tcpdumpArp(Consumer<ArpSender> send) throws Exception {
        Capture.assumeInstalled("tcpdump");
        return capture(send, "listening on", "tcpdump", "-i", "b0", "-e", "-nn", "-xx", "-l", "-c", "1", "arp");
    }

    private static String tsharkNa(Consumer<ArpSender> send) throws Exception {
        Capture.assumeInstalled("tshark");
        // Only NAs (ICMPv6 type 136) whose target ends in ::100, not the kernel's own ND traffic.
        return capture(send, "Capturing on", "tshark", "-l", "-n", "-i", "b0", "-c", "1", "-V", "-x",
                "-f", "icmp6 and ip6[40] == 136 and ip6[60:4] == 0x00000100");
    }

    @Test
    void gratuitousArpFromTheInterfaceMacIsKeepalivedsFrame() throws Exception {
        String out = tcpdumpArp(s -> {
            assertThat(s.interfaceMac("a0")).isEqualTo(IF_MAC);
            s.sendGratuitousArp("a0", v4Unchecked("10.9.0.100"));
        });
        assertThat(out).contains("02:00:00:00:0a:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806)")
                .contains("Request who-has 10.9.0.100 (ff:ff:ff:ff:ff:ff) tell 10.9.0.100");
        assertThat(HEX.formatHex(Capture.tcpdumpBytes(out))).isEqualTo(ArpFramesTest.GARP);
    }

    @Test
    void gratuitousArpFromTheVirtualMacIsKeepalivedsFrame() throws Exception {
        String out = tcpdumpArp(s -> s.sendGratuitousArp("a0", v4Unchecked("10.9.0.100"), MacAddress.vrrpIpv4(51)));
        assertThat(out).contains("00:00:5e:00:01:33 > ff:ff:ff:ff:ff:ff");
        assertThat(HEX.formatHex(Capture.tcpdumpBytes(out))).isEqualTo(ArpFramesTest.GARP_VMAC);
    }

    @Test
    void neighborAdvertisementHasAGoodChecksumAndIsKeepalivedsFrame() throws Exception {
        String out = tsharkNa(s -> s.sendUnsolicitedNa("a0", v6Unchecked("fd00:9::100")));
        assertThat(out).contains("[Checksum Status: Good]")
                .contains("Type: Neighbor Advertisement (136)")
                .contains("Override: Set").contains("Router: Not set").contains("Solicited: Not set")
                .contains("Hop Limit: 255")
                .contains("Destination Address: ff02::1")
                .contains("Target Address: fd00:9::100")
                .contains("Link-layer address: 02:00:00:00:0a:01");
        assertThat(HEX.formatHex(Capture.tsharkBytes(out))).isEqualTo(ArpFramesTest.NA);
    }

    @Test
    void routerNeighborAdvertisementFromTheVirtualMacHasAGoodChecksum() throws Exception {
        String out = tsharkNa(s -> s.sendUnsolicitedNa("a0", v6Unchecked("fd00:9::100"), MacAddress.vrrpIpv6(52), true));
        assertThat(out).contains("[Checksum Status: Good]").contains("Router: Set").contains("Override: Set")
                .contains("Link-layer address: 00:00:5e:00:02:34");
    }

    @Test
    void unknownAndNonEthernetInterfacesFail() throws Exception {
        sendFromA(s -> {
            assertThatThrownBy(() -> s.interfaceMac("nosuch0")).isInstanceOf(KernelException.class)
                    .hasMessageContaining("ENODEV");
            assertThatThrownBy(() -> s.sendGratuitousArp("lo", v4Unchecked("10.9.0.100")))
                    .isInstanceOf(KernelException.class).hasMessageContaining("EOPNOTSUPP");
        });
    }

    private static java.net.Inet4Address v4Unchecked(String s) {
        try {
            return v4(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static java.net.Inet6Address v6Unchecked(String s) {
        try {
            return v6(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
