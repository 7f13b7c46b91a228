package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.Probe;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code use_vmac} on a bridge in network namespaces: the master holds the VIP on {@code vrrp.51}
 * with the virtual router MAC (RFC 5798 section 7.3), and a client's neighbour entry for the VIP
 * stays that MAC when the backup takes over.
 */
class VmacIT {
    private static final String VIP = "10.79.0.50";
    private static final String VMAC = "00:00:5e:00:01:33";

    private static String conf(String routerId, int priority) {
        return """
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    use_vmac
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(routerId, priority, VIP);
    }

    private static Path write(NetLab lab, String name, String text) {
        try {
            return Files.writeString(lab.dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NetLab lab() {
        NetLab lab = dev.vigil.daemon.lab.LabAssumptions.netLab("vgm");
        lab.addNode("a", "10.79.0.1/24", null);
        lab.addNode("b", "10.79.0.2/24", null);
        lab.addNode("client", "10.79.0.100/24", null);
        return lab;
    }

    /** True when {@code node} has {@code vrrp.51} with the virtual MAC, holding the VIP. */
    private static boolean holdsOnVmac(NetLab lab, String node) {
        String ns = lab.node(node).ns();
        if (!lab.run(ns, "ip", "link", "show", "dev", "vrrp.51").ok()) {
            return false;
        }
        return vmacDetails(lab, node).contains("\"address\":\"" + VMAC + "\"")
                && lab.addresses(ns, "vrrp.51").stream().anyMatch(a -> a.startsWith(VIP + "/"));
    }

    /** The client's neighbour entry for the VIP: its MAC, or "" when there is none. */
    private static String clientNeighbour(NetLab lab) {
        String out = lab.exec(lab.node("client").ns(), "ip", "-j", "neigh", "show", VIP, "dev", "eth0");
        Matcher m = Pattern.compile("\"lladdr\"\\s*:\\s*\"([0-9a-f:]+)\"").matcher(out);
        return m.find() ? m.group(1) : "";
    }

    private static String vmacDetails(NetLab lab, String node) {
        return lab.exec(lab.node(node).ns(), "ip", "-j", "-d", "link", "show", "dev", "vrrp.51");
    }

    @Test
    void vigilPairKeepsTheVirtualMacAcrossAFailover() {
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150)));
            Wait.until("VIP on a's vrrp.51 [" + a.logFile() + "]", Duration.ofSeconds(20), () -> holdsOnVmac(lab, "a"));
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf", conf("B", 100)));
            Wait.until("b creates its vrrp.51 [" + b.logFile() + "]", Duration.ofSeconds(20),
                    () -> lab.run(lab.node("b").ns(), "ip", "link", "show", "dev", "vrrp.51").ok());
            assertThat(vmacDetails(lab, "a")).contains("\"info_kind\":\"macvlan\"").contains("\"mode\":\"private\"")
                    .contains("\"link\":\"eth0\"");
            assertThat(lab.addresses(lab.node("a").ns(), "eth0")).noneMatch(x -> x.startsWith(VIP + "/"));

            Probe probe = Probe.start(lab, "client", VIP);
            Wait.until("client reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > 5);
            assertThat(clientNeighbour(lab)).isEqualTo(VMAC);
            assertThat(holdsOnVmac(lab, "b")).isFalse();

            a.kill9();
            Wait.until("b takes over after kill -9 of a", Duration.ofSeconds(15), () -> holdsOnVmac(lab, "b"));
            int before = probe.replies();
            Wait.until("client still reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > before + 5);
            assertThat(clientNeighbour(lab)).isEqualTo(VMAC);

            b.terminate();
            assertThat(b.waitFor(Duration.ofSeconds(10))).isZero();
            assertThat(lab.run(lab.node("b").ns(), "ip", "link", "show", "dev", "vrrp.51").ok())
                    .as("b deletes vrrp.51 at stop").isFalse();
        }
    }

    @Test
    void keepalivedBackupTakesOverFromVigilWithTheSameMac() {
        dev.vigil.daemon.lab.LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150)));
            Wait.until("VIP on vigil's vrrp.51 [" + a.logFile() + "]", Duration.ofSeconds(20), () -> holdsOnVmac(lab, "a"));
            KeepalivedProcess.start(lab, "b", "b1", conf("B", 100));
            Wait.until("keepalived creates its vrrp.51", Duration.ofSeconds(20),
                    () -> lab.run(lab.node("b").ns(), "ip", "link", "show", "dev", "vrrp.51").ok());
            Probe probe = Probe.start(lab, "client", VIP);
            Wait.until("client reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > 5);
            assertThat(holdsOnVmac(lab, "b")).as("keepalived stays backup").isFalse();
            assertThat(clientNeighbour(lab)).isEqualTo(VMAC);

            a.kill9();
            Wait.until("keepalived takes over after kill -9 of vigil", Duration.ofSeconds(15), () -> holdsOnVmac(lab, "b"));
            assertThat(clientNeighbour(lab)).isEqualTo(VMAC);
        }
    }
}
