package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VIP backends on a real kernel, in network namespaces: the exec backend placing the addresses of
 * a Vigil pair through commands (which here run {@code ip addr} themselves and log each call), and
 * stale addresses left by {@code kill -9} removed at the next start, whether or not the
 * configuration still has them.
 */
class VipBackendIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void execBackendPlacesTheAddressesOfTheMasterAndRemovesThemAtStop() throws IOException {
        String vip = "10.81.0.50";
        try (NetLab lab = LabAssumptions.netLab("vbx")) {
            lab.addNode("a", "10.81.0.1/24", null);
            lab.addNode("b", "10.81.0.2/24", null);
            Path log = lab.dir().resolve("exec.log");
            Path add = script(lab.dir().resolve("vip-add"), """
                    #!/bin/sh
                    echo "add $1 $2 $3 $4" >> %s
                    exec ip addr replace "$1" dev "$2"
                    """.formatted(log));
            Path remove = script(lab.dir().resolve("vip-remove"), """
                    #!/bin/sh
                    echo "remove $1 $2 $3 $4" >> %s
                    if ip -o addr show dev "$2" | grep -q " $1 "; then exec ip addr del "$1" dev "$2"; fi
                    """.formatted(log));
            String backend = """
                        vip_backend:
                          type: exec
                          add: "%s %%cidr %%dev %%instance NODE"
                          remove: "%s %%cidr %%dev %%instance NODE"
                          timeout: 5
                          retry_delay: 0.2
                    """.formatted(add, remove);
            VigilProcess a = VigilProcess.start(lab, "a", "a", write(lab.dir().resolve("a.yaml"),
                    conf("a", 150, vip, backend.replace("NODE", "a"))));
            VigilProcess b = VigilProcess.start(lab, "b", "b", write(lab.dir().resolve("b.yaml"),
                    conf("b", 100, vip, backend.replace("NODE", "b"))));
            Wait.until("a MASTER with " + vip + " placed by the add command [" + a.logFile() + "]", START,
                    () -> state(a).equals("MASTER") && holds(lab, "a", vip));
            Wait.until("b BACKUP [" + b.logFile() + "]", START, () -> state(b).equals("BACKUP"));
            assertThat(lines(log)).as("commands run").contains("add " + vip + "/24 eth0 VI_1 a");
            // Polled: when b's JVM is up first it is master for a moment (its add and then its
            // remove command run), which VRRP allows; what matters is that the backup holds nothing.
            Wait.until("b BACKUP without " + vip + " [" + b.logFile() + "]", START,
                    () -> state(b).equals("BACKUP") && !holds(lab, "b", vip));
            assertThat(a.log()).contains("VIP backend exec: add " + vip + "/24 dev eth0");

            a.terminate();
            assertThat(a.waitFor(Duration.ofSeconds(60))).as("a's exit status after SIGTERM").isZero();
            assertThat(a.log()).as("a's log").contains("VIP backend exec: remove " + vip + "/24 dev eth0");
            assertThat(holds(lab, "a", vip)).as("VIP on a after its remove command ran").isFalse();
            Wait.until("b MASTER with " + vip + " [" + b.logFile() + "]", START,
                    () -> state(b).equals("MASTER") && holds(lab, "b", vip));
            assertThat(lines(log)).as("commands run").contains("add " + vip + "/24 eth0 VI_1 b", "remove " + vip + "/24 eth0 VI_1 a");
            JsonNode counters = status(b).path("subsystems").path("vrrp").path("vip_backends").path(0);
            assertThat(counters.path("backend").asText()).isEqualTo("exec");
            assertThat(counters.path("done").asLong()).isPositive();
        }
    }

    @Test
    void addressesLeftByKill9AreRemovedAtTheNextStart() throws IOException {
        String v1 = "10.82.0.51";
        String v2 = "10.82.0.52";
        String v3 = "10.82.0.53";
        try (NetLab lab = LabAssumptions.netLab("vbs")) {
            lab.addNode("a", "10.82.0.1/24", null);
            lab.addNode("b", "10.82.0.2/24", null);
            Path confA = lab.dir().resolve("a.yaml");
            write(confA, conf("a", 100, v1 + "/24\n      - " + v2 + "/24", "") + """
                      VI_2:
                        interface: eth0
                        virtual_router_id: 62
                        version: 3
                        advert_int: 0.5
                        priority: 100
                        virtual_ipaddress:
                          - %s/24
                    """.formatted(v3));
            VigilProcess a1 = VigilProcess.start(lab, "a", "a1", confA);
            Wait.until("a holds " + v1 + ", " + v2 + " and " + v3 + " [" + a1.logFile() + "]", START,
                    () -> holds(lab, "a", v1) && holds(lab, "a", v2) && holds(lab, "a", v3));
            Path record = lab.dir().resolve("a1.vips.json");
            Wait.until("the record lists them", Duration.ofSeconds(10), () -> lines(record).toString().contains(v1)
                    && lines(record).toString().contains(v2) && lines(record).toString().contains(v3));
            a1.kill9();
            assertThat(holds(lab, "a", v2) && holds(lab, "a", v3)).as("addresses left by kill -9").isTrue();

            // The configuration changed: v2 left VI_1, VI_2 left altogether; the same record (pid file) is used.
            write(confA, conf("a", 100, v1 + "/24", ""));
            VigilProcess a2 = VigilProcess.start(lab, "a", "a1", confA);
            Wait.until("stale " + v2 + " and " + v3 + " gone [" + a2.logFile() + "]", START,
                    () -> !holds(lab, "a", v2) && !holds(lab, "a", v3));
            Wait.until("a MASTER again with " + v1, START, () -> state(a2).equals("MASTER") && holds(lab, "a", v1));
            assertThat(a2.log()).contains("removed stale address " + v2 + "/24 dev eth0",
                    "removed stale address " + v3 + "/24 dev eth0");
            a2.kill9();
            assertThat(holds(lab, "a", v1)).as("address left by the second kill -9").isTrue();

            // Unchanged configuration, but a peer is master now: a must not answer for v1 any more.
            VigilProcess b = VigilProcess.start(lab, "b", "b", write(lab.dir().resolve("b.yaml"), conf("b", 200, v1 + "/24", "")));
            Wait.until("b MASTER with " + v1 + " [" + b.logFile() + "]", START,
                    () -> state(b).equals("MASTER") && holds(lab, "b", v1));
            VigilProcess a3 = VigilProcess.start(lab, "a", "a1", confA);
            Wait.until("stale " + v1 + " gone from a [" + a3.logFile() + "]", START, () -> !holds(lab, "a", v1));
            Wait.until("a BACKUP", START, () -> state(a3).equals("BACKUP"));
            assertThat(holds(lab, "a", v1)).isFalse();
            assertThat(holds(lab, "b", v1)).isTrue();
            assertThat(Files.readString(record)).doesNotContain(v1, v2, v3);
        }
    }

    static String conf(String node, int priority, String vips, String backend) {
        return """
                global_defs:
                  router_id: %s
                vrrp_instance:
                  VI_1:
                    interface: eth0
                    virtual_router_id: 61
                    version: 3
                    advert_int: 0.5
                    priority: %d
                    virtual_ipaddress:
                      - %s
                %s""".formatted(node, priority, vips.contains("/") ? vips : vips + "/24", backend);
    }

    private static Path script(Path p, String text) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static Path write(Path p, String text) {
        try {
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean holds(NetLab lab, String node, String address) {
        return lab.addresses(lab.node(node).ns(), "eth0").stream().anyMatch(a -> a.startsWith(address + "/"));
    }

    /** The daemon's status over its control socket (no JVM start per poll); empty while it does not answer. */
    static JsonNode status(VigilProcess v) {
        try {
            java.util.Map<String, Object> reply = new dev.vigil.daemon.control.ControlClient(v.socket()).call("status");
            return JSON.valueToTree(reply.getOrDefault("status", reply));
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    static String state(VigilProcess v) {
        for (JsonNode i : status(v).path("subsystems").path("vrrp").path("instances")) {
            if (i.path("instance").asText().equals("VI_1")) {
                return i.path("state").asText();
            }
        }
        return "";
    }
}
