package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.V2_PASS;
import static dev.vigil.daemon.vrrp.VrrpLab.V3_IPV6;
import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.VIP6;
import static dev.vigil.daemon.vrrp.VrrpLab.conf;
import static dev.vigil.daemon.vrrp.VrrpLab.holds;
import static dev.vigil.daemon.vrrp.VrrpLab.v3Unicast;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.daemon.lab.Capture;
import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Vigil master (a) hands over to a keepalived backup (b) while tcpdump captures VRRP; tshark,
 * with checksum verification on, decodes packets from both nodes with the right version, no
 * checksum errors (RFC 3768 5.3.8, RFC 5798 5.2.8 incl. the pseudo-header) and nothing malformed.
 */
class CaptureIT {
    private static final String V3_MULTICAST4 = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/24
                }
            """.formatted(VIP4);

    @Test
    void v2PassMulticast() {
        check("v2 PASS IPv4 multicast", 2, VIP4, "client", V2_PASS, V2_PASS, "10.79.0.1", "10.79.0.2");
    }

    @Test
    void v3Ipv4Multicast() {
        check("v3 IPv4 multicast", 3, VIP4, "client", V3_MULTICAST4, V3_MULTICAST4, "10.79.0.1", "10.79.0.2");
    }

    @Test
    void v3Ipv6Multicast() {
        check("v3 IPv6 multicast", 3, VIP6, "client", V3_IPV6, V3_IPV6, null, null);
    }

    /** Unicast adverts do not reach the client: captured on a, which sees what it sends and receives. */
    @Test
    void v3Ipv4Unicast() {
        check("v3 IPv4 unicast", 3, VIP4, "a", v3Unicast("10.79.0.1", "10.79.0.2"), v3Unicast("10.79.0.2", "10.79.0.1"),
                "10.79.0.1", "10.79.0.2");
    }

    /** @param srcA the source address of a's adverts; null for IPv6, whose adverts come from the link-local address */
    private static void check(String name, int version, String vip, String at, String bodyA, String bodyB, String srcA,
            String srcB) {
        KeepalivedProcess.assumeInstalled();
        assumeTrue(Tshark.installed(), "skipped: tshark is not installed (scripts/install-deps test)");
        try (NetLab lab = VrrpLab.create("vcp", false)) {
            Capture capture = Capture.start(lab, at, "vrrp");
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150, bodyA)));
            KeepalivedProcess.start(lab, "b", "b1", conf("B", 100, bodyB));
            Wait.until(name + ": VIP on vigil (a) only [" + a.logFile() + "]", VrrpLab.STARTUP,
                    () -> holds(lab, "a", vip) && !holds(lab, "b", vip));
            a.terminate();
            assertThat(a.waitFor(Duration.ofSeconds(10))).isZero();
            Wait.until(name + ": keepalived (b) takes over", Duration.ofSeconds(10), () -> holds(lab, "b", vip));
            awaitAdverts(lab, name);
            Path pcap = capture.stop();

            List<Tshark.Packet> packets = Tshark.packets(pcap);
            Set<String> sources = packets.stream().map(Tshark.Packet::source).collect(Collectors.toSet());
            System.out.printf("%s: %d VRRP packets from %s%n", name, packets.size(), sources);
            assertThat(packets).allSatisfy(p -> assertThat(p.version()).isEqualTo(version));
            assertThat(packets).as("tshark checksum status (1 = good)").allSatisfy(p -> assertThat(p.checksumStatus()).isEqualTo("1"));
            assertThat(packets).as("a's priority 0 advert on SIGTERM").anySatisfy(p -> assertThat(p.priority()).isZero());
            assertThat(packets).anySatisfy(p -> assertThat(p.priority()).isEqualTo(150));
            assertThat(packets).anySatisfy(p -> assertThat(p.priority()).isEqualTo(100));
            assertThat(sources).as("advert sources").contains(srcA != null ? srcA : linkLocal(lab, "a"),
                    srcB != null ? srcB : linkLocal(lab, "b"));
            String expert = Tshark.expert(pcap);
            assertThat(expert).as("tshark -z expert").doesNotContainIgnoringCase("malformed")
                    .doesNotContain("Errors (").doesNotContainIgnoringCase("checksum");
        }
    }

    /** Waits until the capture holds a priority 0 advert followed by two of keepalived's as the new master. */
    private static void awaitAdverts(NetLab lab, String name) {
        Path pcap = lab.dir().resolve("vrrp.pcap");
        Wait.until(name + ": vigil's priority 0 and then keepalived's adverts captured", Duration.ofSeconds(10), () -> {
            try {
                List<Tshark.Packet> all = Tshark.packets(pcap);
                int zero = all.stream().map(Tshark.Packet::priority).toList().indexOf(0);
                return zero >= 0 && all.subList(zero, all.size()).stream().filter(p -> p.priority() == 100).count() >= 2;
            } catch (IllegalStateException e) {
                return false; // tcpdump is mid-write
            }
        });
    }

    private static String linkLocal(NetLab lab, String node) {
        return lab.addresses(lab.node(node).ns(), "eth0").stream().filter(a -> a.startsWith("fe80:")).findFirst()
                .map(a -> a.substring(0, a.indexOf('/'))).orElseThrow();
    }
}
