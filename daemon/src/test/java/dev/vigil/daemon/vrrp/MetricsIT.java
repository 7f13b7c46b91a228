package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.conf;
import static dev.vigil.daemon.vrrp.VrrpLab.holds;
import static dev.vigil.daemon.vrrp.VrrpLab.state;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import dev.vigil.daemon.metrics.PromText;
import dev.vigil.kernel.netns.NetNamespace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} of a Vigil pair in namespaces parses as strict Prometheus text and follows a
 * failover (a reload lowers the master's priority, the backup preempts); {@code vigil status --json}
 * reports as present exactly the VIPs {@code ip -j addr} shows, before and after.
 */
class MetricsIT {
    private static final String BODY = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/24
                }
            """.formatted(VIP4);

    /** The body of {@code GET /metrics} on {@code address}:9100, fetched from the client node. */
    private static String scrape(NetLab lab, String address) throws Exception {
        return NetNamespace.named(lab.node("client").ns()).call(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, 9100), 5000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET /metrics HTTP/1.0\r\nHost: " + address + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int body = reply.indexOf("\r\n\r\n");
                assertThat(reply).startsWith("HTTP/1.1 200").contains("text/plain; version=0.0.4");
                return reply.substring(body + 4);
            }
        });
    }

    private static PromText metrics(NetLab lab, String address) throws Exception {
        String text = scrape(lab, address);
        try {
            return PromText.parse(text);
        } catch (PromText.Invalid e) {
            throw new AssertionError(e.getMessage() + " in:\n" + text, e);
        }
    }

    private static double stateValue(PromText m, String state) {
        return m.value("vigil_vrrp_state", "instance", "VI_1", "state", state);
    }

    private static double transitions(PromText m, String from, String to) {
        return m.samples("vigil_vrrp_transitions_total").stream()
                .filter(s -> s.labels().get("from").equals(from) && s.labels().get("to").equals(to))
                .mapToDouble(PromText.Sample::value).sum();
    }

    /** VI_1's {@code vips_present} from {@code vigil status --json} must equal the VIP in {@code ip -j addr}. */
    private static void statusMatchesKernel(NetLab lab, VigilProcess p, String node) {
        ExecResult r = p.cli("status", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode status;
        try {
            status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.out(), e);
        }
        JsonNode i = status.path("subsystems").path("vrrp").path("instances").get(0);
        List<String> present = new ArrayList<>();
        i.path("vips_present").forEach(v -> present.add(v.asText()));
        boolean inKernel = lab.addresses(lab.node(node).ns(), "eth0").contains(VIP4 + "/24");
        assertThat(present).as(node + " status " + i).isEqualTo(inKernel ? List.of(VIP4 + "/24 dev eth0") : List.of());
        assertThat(i.path("vips").get(0).asText()).isEqualTo(VIP4 + "/24 dev eth0");
        assertThat(i.path("state").asText()).isEqualTo(inKernel ? "MASTER" : "BACKUP");
    }

    @Test
    void metricsAndStatusFollowAFailover() throws Exception {
        try (NetLab lab = VrrpLab.create("vmet", false)) {
            Path confA = write(lab, "a.conf", conf("A", 150, BODY));
            VigilProcess a = VigilProcess.start(lab, "a", "a1", confA, "--http", "10.79.0.1:9100");
            VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf", conf("B", 100, BODY)),
                    "--http", "10.79.0.2:9100");
            Wait.until("VIP on a [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("b is backup [" + b.logFile() + "]", VrrpLab.STARTUP, () -> "BACKUP".equals(state(b)));
            // b reports BACKUP from its start; its first advert from a may still be on its way.
            Wait.until("b has received a's adverts", Duration.ofSeconds(10),
                    () -> VrrpLab.live(b).path("counters").path("adverts_received").asLong() > 0);

            PromText a1 = metrics(lab, "10.79.0.1");
            PromText b1 = metrics(lab, "10.79.0.2");
            assertThat(stateValue(a1, "MASTER")).isEqualTo(1);
            assertThat(stateValue(a1, "BACKUP")).isZero();
            assertThat(stateValue(b1, "BACKUP")).isEqualTo(1);
            assertThat(transitions(a1, "BACKUP", "MASTER")).isEqualTo(1);
            // b may have been master for a moment if it started first (a's adverts not yet there).
            double bMastered = transitions(b1, "BACKUP", "MASTER");
            assertThat(transitions(b1, "MASTER", "BACKUP")).isEqualTo(bMastered);
            assertThat(a1.value("vigil_vrrp_priority", "instance", "VI_1")).isEqualTo(150);
            assertThat(a1.value("vigil_vrrp_adverts_sent_total", "instance", "VI_1")).isPositive();
            assertThat(b1.value("vigil_vrrp_adverts_received_total", "instance", "VI_1")).isPositive();
            assertThat(b1.value("vigil_vrrp_adverts_dropped_total", "instance", "VI_1", "reason", "bad_checksum")).isZero();
            assertThat(a1.value("vigil_up")).isEqualTo(1);
            statusMatchesKernel(lab, a, "a");
            statusMatchesKernel(lab, b, "b");

            write(lab, "a.conf", conf("A", 50, BODY));
            ExecResult reload = a.cli("reload");
            assertThat(reload.exit()).as(reload.out() + reload.err()).isZero();
            Wait.until("b preempts a at priority 50", Duration.ofSeconds(20),
                    () -> holds(lab, "b", VIP4) && !holds(lab, "a", VIP4) && "BACKUP".equals(state(a)));

            PromText a2 = metrics(lab, "10.79.0.1");
            PromText b2 = metrics(lab, "10.79.0.2");
            assertThat(stateValue(a2, "BACKUP")).isEqualTo(1);
            assertThat(stateValue(a2, "MASTER")).isZero();
            assertThat(stateValue(b2, "MASTER")).isEqualTo(1);
            assertThat(transitions(a2, "MASTER", "BACKUP")).isEqualTo(1);
            assertThat(transitions(b2, "BACKUP", "MASTER")).isEqualTo(bMastered + 1);
            assertThat(a2.value("vigil_vrrp_priority", "instance", "VI_1")).isEqualTo(50);
            assertThat(a2.value("vigil_reloads_total", "result", "applied")).isEqualTo(1);
            assertThat(a2.value("vigil_last_reload_success")).isEqualTo(1);
            assertThat(b2.value("vigil_vrrp_adverts_sent_total", "instance", "VI_1"))
                    .isGreaterThan(b1.value("vigil_vrrp_adverts_sent_total", "instance", "VI_1"));
            assertThat(a2.value("vigil_vrrp_adverts_received_total", "instance", "VI_1"))
                    .isGreaterThan(a1.value("vigil_vrrp_adverts_received_total", "instance", "VI_1"));
            statusMatchesKernel(lab, a, "a");
            statusMatchesKernel(lab, b, "b");
        }
    }
}
