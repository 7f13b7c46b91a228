package dev.vigil.daemon.vrrp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.daemon.control.ControlClient;
import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the VRRP namespace ITs share: a keepalived.conf instance template, a lab of two VRRP
 * nodes and a client, and the checks of who holds a VIP ({@code ip addr}) and what state a Vigil
 * daemon reports ({@code vigil status --json}).
 */
final class VrrpLab {
    static final String VIP4 = "10.79.0.50";
    static final String VIP6 = "fd79::50";
    /** How long a daemon may take to start and win its first election: JVM start-up on a loaded 2-core CI box. */
    static final Duration STARTUP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private VrrpLab() {
    }

    /** Nodes {@code a} (.1), {@code b} (.2), optionally {@code c} (.3), and {@code client} (.100), IPv4 and IPv6. */
    static NetLab create(String base, boolean third) {
        NetLab lab = NetLab.create(base);
        lab.addNode("a", "10.79.0.1/24", "fd79::1/64");
        lab.addNode("b", "10.79.0.2/24", "fd79::2/64");
        if (third) {
            lab.addNode("c", "10.79.0.3/24", "fd79::3/64");
        }
        lab.addNode("client", "10.79.0.100/24", "fd79::100/64");
        return lab;
    }

    /** A keepalived.conf with {@code globals} in global_defs, {@code extra} before the instance and one instance VI_1. */
    static String conf(String routerId, String globals, String extra, int priority, String body) {
        return """
                global_defs {
                    router_id %s
                %s
                }
                %s
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 62
                    priority %d
                %s
                }
                """.formatted(routerId, globals, extra, priority, body);
    }

    /** A keepalived.conf of one instance VI_1 with {@code body}. */
    static String conf(String routerId, int priority, String body) {
        return conf(routerId, "", "", priority, body);
    }

    /** VRRPv2, PASS authentication, multicast, advert_int 1. */
    static final String V2_PASS = """
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

    /** VRRPv3 over IPv4 unicast to {@code peers} from {@code self}, advert_int 0.5. */
    static String v3Unicast(String self, String... peers) {
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
                """.formatted(self, String.join("\n", peers), VIP4);
    }

    /** VRRPv3 over IPv6 multicast, advert_int 0.5. */
    static final String V3_IPV6 = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/64
                }
            """.formatted(VIP6);

    static Path write(NetLab lab, String name, String text) {
        try {
            return Files.writeString(lab.dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean holds(NetLab lab, String node, String vip) {
        return lab.addresses(lab.node(node).ns(), "eth0").stream().anyMatch(a -> a.startsWith(vip + "/"));
    }

    /** The nodes among {@code nodes} whose eth0 carries {@code vip}. */
    static List<String> holders(NetLab lab, String vip, String... nodes) {
        List<String> out = new ArrayList<>();
        for (String n : nodes) {
            if (holds(lab, n, vip)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The MAC address {@code node}'s neighbour table has for {@code ip}, or "" when it has none. */
    static String neighbourMac(NetLab lab, String node, String ip) {
        try {
            for (JsonNode n : JSON.readTree(lab.exec(lab.node(node).ns(), "ip", "-j", "neigh", "show", ip))) {
                return n.path("lladdr").asText();
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that, polled throughout {@code period}, exactly {@code expected} of {@code nodes} hold {@code vip}. */
    static void assertSteady(NetLab lab, String vip, List<String> expected, Duration period, String... nodes) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            List<String> now = holders(lab, vip, nodes);
            if (!now.equals(expected)) {
                throw new AssertionError(vip + " held by " + now + ", expected steadily " + expected);
            }
        }
    }

    /**
     * The state of instance VI_1 as the daemon's control socket reports it (what {@code vigil status}
     * shows, without starting a JVM per poll), or "" when the daemon does not answer.
     */
    static String state(VigilProcess p) {
        return live(p).path("state").asText();
    }

    /** Instance VI_1 as the daemon's control socket reports it now; a missing node when it does not answer. */
    static JsonNode live(VigilProcess p) {
        try {
            JsonNode i = instance(JSON.valueToTree(new ControlClient(p.socket()).call("status")));
            return i == null ? JSON.missingNode() : i;
        } catch (IOException | RuntimeException e) {
            return JSON.missingNode();
        }
    }

    /** Instance VI_1 from the {@code vigil status --json} command, or null when it fails. */
    static JsonNode statusCommand(VigilProcess p) {
        ExecResult r = p.cli("status", "--json");
        if (!r.ok()) {
            return null;
        }
        try {
            return instance(JSON.readTree(r.out()));
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode instance(JsonNode status) {
        for (JsonNode list : status.findValues("instances")) {
            for (JsonNode i : list) {
                if ("VI_1".equals(i.path("instance").asText())) {
                    return i;
                }
            }
        }
        return null;
    }
}
