package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.conf;
import static dev.vigil.daemon.vrrp.VrrpLab.holds;
import static dev.vigil.daemon.vrrp.VrrpLab.state;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code virtual_routes} and {@code virtual_rules} exist only on the master of a Vigil pair: checked
 * with {@code ip -j route show table 100} and {@code ip -j rule} on both nodes as mastership moves
 * on SIGTERM and comes back on restart.
 */
class VirtualRoutesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/24
                }
                virtual_routes {
                    10.99.0.0/24 via 10.79.0.254 dev eth0 table 100
                    src %s 10.98.0.0/16 dev eth0 table 100 metric 7
                }
                virtual_rules {
                    from %s/32 table 100 priority 1000
                    to 10.97.0.0/16 table 100 priority 1001
                }
            """.formatted(VIP4, VIP4, VIP4);

    /** The destinations in routing table 100 of {@code node}. */
    private static List<String> routes(NetLab lab, String node) {
        List<String> out = new ArrayList<>();
        var shown = lab.run(lab.node(node).ns(), "ip", "-j", "route", "show", "table", "100");
        if (!shown.ok() && shown.err().contains("does not exist")) {
            return out; // no route ever went into table 100
        }
        if (!shown.ok()) {
            throw new IllegalStateException("ip route show table 100 on " + node + ": " + shown.err());
        }
        for (JsonNode r : json(shown.out())) {
            out.add(r.path("dst").asText() + (r.has("gateway") ? " via " + r.path("gateway").asText() : "")
                    + (r.has("prefsrc") ? " src " + r.path("prefsrc").asText() : "")
                    + (r.has("metric") ? " metric " + r.path("metric").asInt() : ""));
        }
        return out;
    }

    /** The rules of {@code node} that look up table 100, as {@code priority selector}. */
    private static List<String> rules(NetLab lab, String node) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : json(lab.exec(lab.node(node).ns(), "ip", "-j", "rule"))) {
            if ("100".equals(r.path("table").asText())) {
                // iproute2 leaves out srclen/dstlen for a host (/32) selector
                String sel = r.has("dst") ? "to " + r.path("dst").asText() + "/" + r.path("dstlen").asInt(32)
                        : "from " + r.path("src").asText() + "/" + r.path("srclen").asInt(32);
                out.add(r.path("priority").asInt() + " " + sel);
            }
        }
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.isBlank() ? "[]" : text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<String> ROUTES = List.of("10.99.0.0/24 via 10.79.0.254", "10.98.0.0/16 src " + VIP4 + " metric 7");
    private static final List<String> RULES = List.of("1000 from " + VIP4 + "/32", "1001 to 10.97.0.0/16");

    private static void awaitOnlyOn(NetLab lab, String master, String backup, String what) {
        try {
            Wait.until(what, Duration.ofSeconds(5), () -> installedOnlyOn(lab, master, backup));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + master + ": " + routes(lab, master) + " " + rules(lab, master)
                    + ", " + backup + ": " + routes(lab, backup) + " " + rules(lab, backup), e);
        }
    }

    private static boolean installedOnlyOn(NetLab lab, String master, String backup) {
        return routes(lab, master).containsAll(ROUTES) && rules(lab, master).containsAll(RULES)
                && routes(lab, backup).isEmpty() && rules(lab, backup).isEmpty();
    }

    @Test
    void routesAndRulesFollowMastership() {
        try (NetLab lab = VrrpLab.create("vrt", false)) {
            Path confA = write(lab, "a.conf", conf("A", 150, BODY));
            VigilProcess a = VigilProcess.start(lab, "a", "a1", confA);
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf", conf("B", 100, BODY)));
            Wait.until("VIP on a [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("b is backup [" + b.logFile() + "]", VrrpLab.STARTUP, () -> "BACKUP".equals(state(b)));
            awaitOnlyOn(lab, "a", "b", "routes and rules on a only");
            assertThat(routes(lab, "a")).containsExactlyInAnyOrderElementsOf(ROUTES);
            assertThat(rules(lab, "a")).containsExactlyInAnyOrderElementsOf(RULES);

            a.terminate();
            Wait.until("b master after SIGTERM of a", Duration.ofSeconds(10), () -> holds(lab, "b", VIP4));
            assertThat(a.waitFor(Duration.ofSeconds(10))).isZero();
            awaitOnlyOn(lab, "b", "a", "routes and rules moved to b, gone from a");

            VigilProcess.start(lab, "a", "a2", confA);
            Wait.until("a preempts", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4) && !holds(lab, "b", VIP4));
            awaitOnlyOn(lab, "a", "b", "routes and rules back on a only");
            assertThat(routes(lab, "a")).containsExactlyInAnyOrderElementsOf(ROUTES);
            assertThat(rules(lab, "a")).containsExactlyInAnyOrderElementsOf(RULES);
        }
    }
}
