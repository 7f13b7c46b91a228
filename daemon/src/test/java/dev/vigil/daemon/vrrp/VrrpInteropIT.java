package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.Probe;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Vigil and keepalived 2.2.7 in one VRRP pair, each in both roles, on a bridge in network
 * namespaces; Vigil reads the same keepalived.conf keepalived does. The VIP is checked with
 * {@code ip addr}, a client pings it throughout.
 */
class VrrpInteropIT {
    private static final String VIP4 = "10.78.0.50";
    private static final String VIP6 = "fd78::50";

    private static String conf(String routerId, int priority, String body) {
        return """
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 61
                    priority %d
                %s
                }
                """.formatted(routerId, priority, body);
    }

    private static final String V2_PASS = """
                version 2
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass s3cret
                }
                virtual_ipaddress {
                    %s/24
                }
            """.formatted(VIP4);

    private static String v3Unicast(String self, String peer) {
        return """
                    version 3
                    advert_int 0.5
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        %s/24
                    }
                """.formatted(self, peer, VIP4);
    }

    private static final String V3_IPV6 = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/64
                }
            """.formatted(VIP6);

    private static Path write(NetLab lab, String name, String text) {
        try {
            return Files.writeString(lab.dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(NetLab lab, String node, String vip) {
        return lab.addresses(lab.node(node).ns(), "eth0").stream().anyMatch(a -> a.startsWith(vip + "/"));
    }

    /** The state of the first instance, from {@code vigil status --json}. */
    private static String state(VigilProcess p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"state\"\\s*:\\s*\"(INIT|BACKUP|MASTER|FAULT|STOP)\"")
                .matcher(p.cli("status", "--json").out());
        return m.find() ? m.group(1) : "";
    }

    private static NetLab lab() {
        NetLab lab = LabAssumptions.netLab("vgi");
        lab.addNode("a", "10.78.0.1/24", "fd78::1/64");
        lab.addNode("b", "10.78.0.2/24", "fd78::2/64");
        lab.addNode("client", "10.78.0.100/24", "fd78::100/64");
        return lab;
    }

    @Test
    void vigilMasterKeepalivedBackupV2PassMulticast() {
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150, V2_PASS)));
            KeepalivedProcess.start(lab, "b", "b1", conf("B", 100, V2_PASS));
            Wait.until("VIP on vigil (a) [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("keepalived (b) stays backup", Duration.ofSeconds(3), () -> !holds(lab, "b", VIP4));
            Probe probe = Probe.start(lab, "client", VIP4);
            Wait.until("client reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > 10);
            assertThat(state(a)).isEqualTo("MASTER");

            a.kill9();
            Duration d = Wait.until("keepalived takes over after kill -9 of vigil", Duration.ofSeconds(15),
                    () -> holds(lab, "b", VIP4));
            System.out.println("v2 kill -9 of vigil master -> keepalived master: " + d.toMillis() + " ms");

            int before = probe.replies();
            VigilProcess a2 = VigilProcess.start(lab, "a", "a2", lab.dir().resolve("a.conf"));
            Wait.until("vigil takes the VIP back (preempt) [" + a2.logFile() + "]", VrrpLab.STARTUP,
                    () -> holds(lab, "a", VIP4) && !holds(lab, "b", VIP4));
            Wait.until("client still reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > before + 20);

            a2.terminate();
            Wait.until("SIGTERM: vigil hands over to keepalived", Duration.ofSeconds(10),
                    () -> holds(lab, "b", VIP4) && !holds(lab, "a", VIP4));
            assertThat(a2.waitFor(Duration.ofSeconds(10))).isZero();
        }
    }

    @Test
    void keepalivedMasterVigilBackupV3Unicast() {
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            KeepalivedProcess a = KeepalivedProcess.start(lab, "a", "a1", conf("A", 150, v3Unicast("10.78.0.1", "10.78.0.2")));
            VigilProcess b = VigilProcess.start(lab, "b", "b1",
                    write(lab, "b.conf", conf("B", 100, v3Unicast("10.78.0.2", "10.78.0.1"))));
            Wait.until("VIP on keepalived (a)", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("vigil (b) is backup [" + b.logFile() + "]", VrrpLab.STARTUP,
                    () -> "BACKUP".equals(state(b)));
            assertThat(holds(lab, "b", VIP4)).isFalse();

            a.terminate();
            Duration d = Wait.until("vigil takes over after SIGTERM of keepalived", Duration.ofSeconds(10),
                    () -> holds(lab, "b", VIP4));
            System.out.println("v3 unicast SIGTERM of keepalived master -> vigil master: " + d.toMillis() + " ms");
            KeepalivedProcess.start(lab, "a", "a2", conf("A", 150, v3Unicast("10.78.0.1", "10.78.0.2")));
            Wait.until("keepalived preempts vigil", Duration.ofSeconds(15),
                    () -> holds(lab, "a", VIP4) && !holds(lab, "b", VIP4));
        }
    }

    @Test
    void ipv6VigilAndKeepalivedElectOneMaster() {
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            KeepalivedProcess a = KeepalivedProcess.start(lab, "a", "a1", conf("A", 100, V3_IPV6));
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf", conf("B", 150, V3_IPV6)));
            Wait.until("VIP on vigil (b) [" + b.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "b", VIP6));
            Wait.until("keepalived (a) backup", Duration.ofSeconds(5), () -> !holds(lab, "a", VIP6));
            b.kill9();
            Wait.until("keepalived takes the IPv6 VIP", Duration.ofSeconds(10), () -> holds(lab, "a", VIP6));
            assertThat(a.alive()).isTrue();
        }
    }
}
