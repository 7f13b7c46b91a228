package dev.vigil.daemon.lvs;

import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Client traffic through virtual servers that {@code vigil run -f} programs and health-checks in a
 * real IPVS table ({@code lvs/traffic.conf}), NAT and DR, on one bridge:
 * <ul>
 * <li>{@code lb}, the director: 10.20.0.1/24 (real servers' side) and 10.30.0.1/24 (routed clients)
 * on {@code eth0}, the VIP 10.10.0.100 on a dummy, IPv4 forwarding on (NAT replies are forwarded
 * through IPVS, which rewrites their source back to the VIP) and no ICMP redirects (clients and real
 * servers share the wire but not a subnet);</li>
 * <li>{@code rs1}, {@code rs2}: 10.20.0.11 and .12, default route via the director (NAT), the VIP on
 * {@code lo} with {@code arp_ignore=1}/{@code arp_announce=2} (DR: they accept packets for the VIP
 * but never answer ARP for it), an HTTP server on *:8080 answering its name;</li>
 * <li>{@code cl}: a NAT client, 10.30.0.2/24, default route via 10.30.0.1;</li>
 * <li>{@code cd}: a DR client on the real servers' L2 segment (10.20.0.50/24, the VIP routed via the
 * director): DR replies go from the real server straight to it.</li>
 * </ul>
 * GETs through the VIP reach both real servers (round robin); once rs2's server stops, Vigil's
 * TCP_CHECK takes it out and every GET lands on rs1.
 */
@Tag("ipvs-vm")
class LvsTrafficIT {
    private static final Duration FIRST = Duration.ofSeconds(300);
    private static final Duration CHANGE = Duration.ofSeconds(120);
    /** Each poll starts processes in namespaces, which the emulated VM does slowly. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String VIP = LvsLab.VIP;
    private static final String NAT_URL = "http://" + VIP + "/";
    private static final String DR_URL = "http://" + VIP + ":8080/";
    private static final int GETS = 8;

    @Test
    void natAndDrClientsReachEveryRealServerAndOnlyHealthyOnes() throws Exception {
        IpvsTestNet.requireIpvs();
        Map<String, Process> servers = new HashMap<>();
        try (NetLab lab = NetLab.create("lvstr")) {
            Path plugins = LvsLab.pluginsDir(lab.dir());
            if (plugins == null && System.getenv("IPVS_VM") != null) {
                fail("IPVS_VM is set but healthcheckers/target holds no plugin zip (build it first)");
            }
            assumeTrue(plugins != null, "skipped: no healthcheckers/target/vigil-healthcheckers-*.zip (mvn package)");
            Path backend = LvsLab.backendScript(lab.dir());
            Path config = LvsLab.copyResource(lab.dir(), "traffic.conf");
            String lb = wire(lab);
            try {
                for (String rs : List.of("rs1", "rs2")) {
                    servers.put(rs, startServer(lab, rs, backend));
                }
                for (String rs : List.of("rs1", "rs2")) {
                    String address = lab.node(rs).ipv4().replace("/24", "");
                    Process p = servers.get(rs);
                    LvsLab.poll(rs + "'s HTTP server answers", FIRST, POLL, () -> {
                        if (!p.isAlive()) {
                            throw new AssertionError(rs + "'s HTTP server exited: " + log(lab, rs));
                        }
                        return (rs + "\n").equals(get(lab, lb, "http://" + address + ":8080/"));
                    });
                }
                VigilProcess vigil = VigilProcess.start(lab, "lb", "vigil", config, "--plugins-dir", plugins.toString());
                String table = await(lab, lb, vigil, "both real servers in both services", FIRST,
                        t -> t.contains("-a -t 10.10.0.100:80 -r 10.20.0.11:8080 -m -w 1\n")
                                && t.contains("-a -t 10.10.0.100:80 -r 10.20.0.12:8080 -m -w 1\n")
                                && t.contains("-a -t 10.10.0.100:8080 -r 10.20.0.11:8080 -g -w 1\n")
                                && t.contains("-a -t 10.10.0.100:8080 -r 10.20.0.12:8080 -g -w 1\n"));
                System.out.println("table with both real servers:\n" + table);

                Map<String, Integer> nat = spread(lab, "cl", NAT_URL);
                Map<String, Integer> dr = spread(lab, "cd", DR_URL);
                System.out.printf("NAT GETs per real server: %s; DR: %s%n", nat, dr);
                assertThat(nat).as("NAT GETs through %s per real server", NAT_URL).containsOnlyKeys("rs1", "rs2");
                assertThat(dr).as("DR GETs through %s per real server", DR_URL).containsOnlyKeys("rs1", "rs2");

                Process rs2 = servers.remove("rs2");
                rs2.destroy();
                LvsLab.poll("rs2's HTTP server exits", CHANGE, () -> !rs2.isAlive());
                table = await(lab, lb, vigil, "rs2 out of both services", CHANGE,
                        t -> !t.contains("10.20.0.12") && t.contains("-a -t 10.10.0.100:80 -r 10.20.0.11:8080 -m")
                                && t.contains("-a -t 10.10.0.100:8080 -r 10.20.0.11:8080 -g"));
                System.out.println("table after rs2 stopped:\n" + table);
                nat = spread(lab, "cl", NAT_URL);
                dr = spread(lab, "cd", DR_URL);
                System.out.printf("rs2 stopped: NAT GETs per real server: %s; DR: %s%n", nat, dr);
                assertThat(nat).containsOnlyKeys("rs1");
                assertThat(dr).containsOnlyKeys("rs1");
            } catch (AssertionError e) {
                System.out.println("director's connection table:\n" + lab.run(lb, "ipvsadm", "-Lnc").out());
                System.out.println("director's addresses:\n" + lab.run(lb, "ip", "addr").out());
                System.out.println("neighbours seen from the director:\n" + lab.run(lb, "ip", "neigh").out());
                for (String rs : List.of("rs1", "rs2")) {
                    System.out.println(rs + "'s sockets:\n" + lab.run(lab.node(rs).ns(), "ss", "-ltn").out());
                    System.out.println(rs + "'s log:\n" + log(lab, rs));
                }
                throw e;
            } finally {
                for (Process p : servers.values()) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** Builds the nodes; returns the director's namespace. */
    private static String wire(NetLab lab) {
        String lb = lab.addNode("lb", "10.20.0.1/24", null).ns();
        lab.exec(lb, "ip", "addr", "add", "10.30.0.1/24", "dev", "eth0");
        lab.exec(lb, "ip", "link", "add", "vip0", "type", "dummy");
        lab.exec(lb, "ip", "addr", "add", VIP + "/32", "dev", "vip0");
        lab.exec(lb, "ip", "link", "set", "vip0", "up");
        lab.exec(lb, "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.send_redirects=0",
                "net.ipv4.conf.eth0.send_redirects=0");
        for (int i = 1; i <= 2; i++) {
            String rs = lab.addNode("rs" + i, "10.20.0.1" + i + "/24", null).ns();
            lab.exec(rs, "ip", "route", "add", "default", "via", "10.20.0.1");
            lab.exec(rs, "sysctl", "-qw", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2");
            lab.exec(rs, "ip", "addr", "add", VIP + "/32", "dev", "lo");
        }
        String cl = lab.addNode("cl", "10.30.0.2/24", null).ns();
        lab.exec(cl, "ip", "route", "add", "default", "via", "10.30.0.1");
        String cd = lab.addNode("cd", "10.20.0.50/24", null).ns();
        lab.exec(cd, "ip", "route", "add", VIP + "/32", "via", "10.20.0.1");
        return lb;
    }

    private static Process startServer(NetLab lab, String rs, Path script) throws IOException {
        List<String> cmd = List.of("ip", "netns", "exec", lab.node(rs).ns(), "python3", script.toString(), rs, "0.0.0.0",
                "8080");
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(lab.dir().resolve(rs + ".log").toFile()).start();
    }

    /** {@value #GETS} GETs of {@code url} from node {@code client}: answers per backend name; each must answer. */
    private static Map<String, Integer> spread(NetLab lab, String client, String url) {
        String ns = lab.node(client).ns();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < GETS; i++) {
            String body = get(lab, ns, url);
            if (body == null) {
                failures.add("GET " + i);
            } else {
                seen.merge(body.strip(), 1, Integer::sum);
            }
        }
        assertThat(failures).as("GETs of %s from %s that got no answer (answers: %s)", url, client, seen).isEmpty();
        return seen;
    }

    private static String log(NetLab lab, String rs) {
        try {
            return java.nio.file.Files.readString(lab.dir().resolve(rs + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String get(NetLab lab, String ns, String url) {
        ExecResult r = lab.run(ns, "curl", "-s", "-m", "10", url);
        return r.ok() ? r.out() : null;
    }

    private static String await(NetLab lab, String lb, VigilProcess vigil, String what, Duration deadline,
                                java.util.function.Predicate<String> wanted) {
        String[] last = {null};
        try {
            LvsLab.poll(what, deadline, POLL, () -> wanted.test(last[0] = lab.exec(lb, "ipvsadm", "-Sn")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast table:\n" + last[0] + "\nvigil log:\n" + vigil.log(), e);
        }
        return last[0];
    }
}
