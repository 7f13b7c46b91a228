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
 * stays that MAC when the backup takes over. The same over IPv6 ({@code vrrp.52}, MAC
 * 00:00:5e:00:02:34, the base interface's link-local address and no generated one), and the base
 * interface's ARP parameters restored when the daemon stops.
 */
class VmacIT {
    private static final String VIP = "10.79.0.50";
    private static final String VMAC = "00:00:5e:00:01:33";
    private static final String VIP6 = "fd79::50";
    private static final String VMAC6 = "00:00:5e:00:02:34";

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

    private static String conf6(String routerId, int priority) {
        return """
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_6 {
                    state BACKUP
                    interface eth0
                    use_vmac
                    virtual_router_id 52
                    priority %d
                    advert_int 1
                    virtual_ipaddress {
                        %s/64
                    }
                }
                """.formatted(routerId, priority, VIP6);
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
        lab.addNode("a", "10.79.0.1/24", "fd79::1/64");
        lab.addNode("b", "10.79.0.2/24", "fd79::2/64");
        lab.addNode("client", "10.79.0.100/24", "fd79::100/64");
        return lab;
    }

    /** True when {@code node} has {@code vrrp.51} with the virtual MAC, holding the VIP. */
    private static boolean holdsOnVmac(NetLab lab, String node) {
        return holdsOn(lab, node, "vrrp.51", VMAC, VIP);
    }

    private static boolean holdsOn(NetLab lab, String node, String dev, String mac, String vip) {
        String ns = lab.node(node).ns();
        if (!exists(lab, node, dev)) {
            return false;
        }
        // The link may go between any two of these commands (a restarting daemon replaces a stale
        // one): a command that finds no such device means "not yet".
        var details = lab.run(ns, "ip", "-j", "-d", "link", "show", "dev", dev);
        if (!details.ok() || !details.out().contains("\"address\":\"" + mac + "\"")) {
            return false;
        }
        var addresses = lab.run(ns, "ip", "-o", "addr", "show", "dev", dev);
        return addresses.ok() && addresses.out().contains(" " + vip + "/");
    }

    private static boolean exists(NetLab lab, String node, String dev) {
        return lab.run(lab.node(node).ns(), "ip", "link", "show", "dev", dev).ok();
    }

    /** The client's neighbour entry for the VIP: its MAC, or "" when there is none. */
    private static String clientNeighbour(NetLab lab) {
        return clientNeighbour(lab, VIP);
    }

    private static String clientNeighbour(NetLab lab, String vip) {
        String out = lab.exec(lab.node("client").ns(), "ip", "-j", "neigh", "show", vip, "dev", "eth0");
        Matcher m = Pattern.compile("\"lladdr\"\\s*:\\s*\"([0-9a-f:]+)\"").matcher(out);
        return m.find() ? m.group(1) : "";
    }

    private static String vmacDetails(NetLab lab, String node) {
        return vmacDetails(lab, node, "vrrp.51");
    }

    private static String vmacDetails(NetLab lab, String node, String dev) {
        return lab.exec(lab.node(node).ns(), "ip", "-j", "-d", "link", "show", "dev", dev);
    }

    private static String sysctl(NetLab lab, String node, String path) {
        return lab.exec(lab.node(node).ns(), "cat", "/proc/sys/" + path).trim();
    }

    /** The IPv6 link-local addresses on {@code dev}. */
    private static java.util.List<String> linkLocals(NetLab lab, String node, String dev) {
        return lab.addresses(lab.node(node).ns(), dev).stream().filter(a -> a.startsWith("fe80:")).toList();
    }

    @Test
    void vigilPairKeepsTheVirtualMacAcrossAFailover() {
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150)));
            Wait.until("VIP on a's vrrp.51 [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holdsOnVmac(lab, "a"));
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf", conf("B", 100)));
            Wait.until("b creates its vrrp.51 [" + b.logFile() + "]", VrrpLab.STARTUP,
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

            assertThat(sysctl(lab, "b", "net/ipv4/conf/eth0/arp_ignore")).isEqualTo("1");
            assertThat(sysctl(lab, "b", "net/ipv4/conf/eth0/arp_announce")).isEqualTo("2");
            b.terminate();
            assertThat(b.waitFor(Duration.ofSeconds(10))).isZero();
            assertThat(lab.run(lab.node("b").ns(), "ip", "link", "show", "dev", "vrrp.51").ok())
                    .as("b deletes vrrp.51 at stop").isFalse();
            assertThat(sysctl(lab, "b", "net/ipv4/conf/eth0/arp_ignore")).as("restored at stop").isEqualTo("0");
            assertThat(sysctl(lab, "b", "net/ipv4/conf/eth0/arp_announce")).as("restored at stop").isEqualTo("0");
        }
    }

    @Test
    void ipv6VigilPairKeepsTheVirtualMacAcrossAFailover() {
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a6.conf", conf6("A", 150)));
            Wait.until("VIP6 on a's vrrp.52 [" + a.logFile() + "]", VrrpLab.STARTUP,
                    () -> holdsOn(lab, "a", "vrrp.52", VMAC6, VIP6));
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b6.conf", conf6("B", 100)));
            Wait.until("b creates its vrrp.52 [" + b.logFile() + "]", VrrpLab.STARTUP,
                    () -> exists(lab, "b", "vrrp.52") && !linkLocals(lab, "b", "vrrp.52").isEmpty());
            assertThat(vmacDetails(lab, "a", "vrrp.52")).contains("\"mode\":\"private\"").contains("\"link\":\"eth0\"");
            for (String n : new String[] {"a", "b"}) {
                assertThat(linkLocals(lab, n, "vrrp.52")).as(n + ": the base's link-local only")
                        .isEqualTo(linkLocals(lab, n, "eth0"));
                assertThat(sysctl(lab, n, "net/ipv6/conf/vrrp.52/addr_gen_mode")).isEqualTo("1");
                assertThat(sysctl(lab, n, "net/ipv4/conf/eth0/arp_ignore")).as("IPv6 leaves ARP alone").isEqualTo("0");
            }
            assertThat(lab.addresses(lab.node("a").ns(), "eth0")).noneMatch(x -> x.startsWith(VIP6 + "/"));

            Probe probe = Probe.start(lab, "client", VIP6);
            Wait.until("client reaches the IPv6 VIP", Duration.ofSeconds(10), () -> probe.replies() > 5);
            assertThat(clientNeighbour(lab, VIP6)).isEqualTo(VMAC6);
            assertThat(holdsOn(lab, "b", "vrrp.52", VMAC6, VIP6)).isFalse();

            a.kill9();
            Wait.until("b takes over after kill -9 of a", Duration.ofSeconds(15),
                    () -> holdsOn(lab, "b", "vrrp.52", VMAC6, VIP6));
            int before = probe.replies();
            Wait.until("client still reaches the IPv6 VIP", Duration.ofSeconds(10), () -> probe.replies() > before + 5);
            assertThat(clientNeighbour(lab, VIP6)).isEqualTo(VMAC6);

            b.terminate();
            assertThat(b.waitFor(Duration.ofSeconds(10))).isZero();
            assertThat(exists(lab, "b", "vrrp.52")).as("b deletes vrrp.52 at stop").isFalse();
        }
    }

    @Test
    void ipv6KeepalivedAndVigilTakeOverFromEachOtherWithTheSameMac() {
        dev.vigil.daemon.lab.LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a6.conf", conf6("A", 150)));
            Wait.until("VIP6 on vigil's vrrp.52 [" + a.logFile() + "]", VrrpLab.STARTUP,
                    () -> holdsOn(lab, "a", "vrrp.52", VMAC6, VIP6));
            KeepalivedProcess.start(lab, "b", "b1", conf6("B", 100));
            Wait.until("keepalived creates its vrrp.52", VrrpLab.STARTUP, () -> exists(lab, "b", "vrrp.52"));
            Probe probe = Probe.start(lab, "client", VIP6);
            Wait.until("client reaches the IPv6 VIP", Duration.ofSeconds(10), () -> probe.replies() > 5);
            assertThat(holdsOn(lab, "b", "vrrp.52", VMAC6, VIP6)).as("keepalived stays backup").isFalse();
            assertThat(clientNeighbour(lab, VIP6)).isEqualTo(VMAC6);
            assertThat(linkLocals(lab, "a", "vrrp.52")).as("vigil's vmac link-local, as keepalived's")
                    .isEqualTo(linkLocals(lab, "a", "eth0"));
            assertThat(linkLocals(lab, "b", "vrrp.52")).isEqualTo(linkLocals(lab, "b", "eth0"));

            a.kill9();
            Wait.until("keepalived takes over after kill -9 of vigil", Duration.ofSeconds(15),
                    () -> holdsOn(lab, "b", "vrrp.52", VMAC6, VIP6));
            int before = probe.replies();
            Wait.until("client reaches the IPv6 VIP on keepalived", Duration.ofSeconds(10),
                    () -> probe.replies() > before + 5);
            assertThat(clientNeighbour(lab, VIP6)).isEqualTo(VMAC6);

            VigilProcess a2 = VigilProcess.start(lab, "a", "a2", write(lab, "a6.conf", conf6("A", 150)));
            Wait.until("vigil preempts keepalived [" + a2.logFile() + "]", Duration.ofSeconds(30),
                    () -> holdsOn(lab, "a", "vrrp.52", VMAC6, VIP6) && !holdsOn(lab, "b", "vrrp.52", VMAC6, VIP6));
            int again = probe.replies();
            Wait.until("client reaches the IPv6 VIP on vigil again", Duration.ofSeconds(10),
                    () -> probe.replies() > again + 5);
            assertThat(clientNeighbour(lab, VIP6)).isEqualTo(VMAC6);
        }
    }

    @Test
    void keepalivedBackupTakesOverFromVigilWithTheSameMac() {
        dev.vigil.daemon.lab.LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150)));
            Wait.until("VIP on vigil's vrrp.51 [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holdsOnVmac(lab, "a"));
            KeepalivedProcess.start(lab, "b", "b1", conf("B", 100));
            Wait.until("keepalived creates its vrrp.51", VrrpLab.STARTUP,
                    () -> lab.run(lab.node("b").ns(), "ip", "link", "show", "dev", "vrrp.51").ok());
            Probe probe = Probe.start(lab, "client", VIP);
            Wait.until("client reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > 5);
            assertThat(holdsOnVmac(lab, "b")).as("keepalived stays backup").isFalse();
            // Polled: the master's later gratuitous ARP burst (garp_master_delay, 5 s) corrects an entry
            // the client made from an earlier reply.
            Wait.until("the client's neighbour entry for the VIP is the virtual MAC (now " + clientNeighbour(lab) + ")",
                    Duration.ofSeconds(15), () -> VMAC.equals(clientNeighbour(lab)));

            a.kill9();
            Wait.until("keepalived takes over after kill -9 of vigil", Duration.ofSeconds(15), () -> holdsOnVmac(lab, "b"));
            // Polled, as above: keepalived's gratuitous ARPs for the virtual MAC correct an entry the
            // client may have made in between (from b's own interface answering for the VIP).
            Wait.until("the client's neighbour entry for the VIP is the virtual MAC after the takeover (now "
                    + clientNeighbour(lab) + ")", Duration.ofSeconds(15), () -> VMAC.equals(clientNeighbour(lab)));
        }
    }
}
