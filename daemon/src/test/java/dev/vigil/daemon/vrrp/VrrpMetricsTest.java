package dev.vigil.daemon.vrrp;

import dev.vigil.daemon.metrics.PromText;
import dev.vigil.vrrp.packet.DropReason;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** VRRP metrics from status rows: valid text, one-hot state, drops by every reason. */
class VrrpMetricsTest {
    private static Map<String, Object> row(String name, String state, int prio, int eff, Map<String, Object> counters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", name);
        m.put("state", state);
        m.put("priority", prio);
        m.put("effective_priority", eff);
        m.put("counters", counters);
        return m;
    }

    @Test
    void rendersEveryFamilyStrictly() {
        Map<String, Object> c1 = Map.of("adverts_sent", 12L, "adverts_received", 3L, "send_errors", 1L,
                "garps_sent", 5L, "became_master", 1L, "dropped", Map.of("auth_failure", 2L, "bad_ttl", 1L));
        String text = VrrpMetrics.render(
                List.of(row("VI_1", "MASTER", 150, 140, c1), row("VI \"2\"", "BACKUP", 100, 100, Map.of())),
                Map.of("VI_1", Map.of("INIT->BACKUP", 1L, "BACKUP->MASTER", 1L), "VI_gone", Map.of("MASTER->STOP", 1L)));
        PromText p = PromText.parse(text);
        assertThat(p.value("vigil_vrrp_state", "instance", "VI_1", "state", "MASTER")).isEqualTo(1);
        assertThat(p.value("vigil_vrrp_state", "instance", "VI_1", "state", "BACKUP")).isZero();
        assertThat(p.samples("vigil_vrrp_state")).hasSize(2 * VrrpMetrics.STATES.size());
        assertThat(p.value("vigil_vrrp_state", "instance", "VI \"2\"", "state", "BACKUP")).isEqualTo(1);
        assertThat(p.value("vigil_vrrp_priority", "instance", "VI_1")).isEqualTo(150);
        assertThat(p.value("vigil_vrrp_effective_priority", "instance", "VI_1")).isEqualTo(140);
        assertThat(p.value("vigil_vrrp_transitions_total", "instance", "VI_1", "from", "BACKUP", "to", "MASTER")).isEqualTo(1);
        assertThat(p.value("vigil_vrrp_adverts_sent_total", "instance", "VI_1")).isEqualTo(12);
        assertThat(p.value("vigil_vrrp_adverts_received_total", "instance", "VI_1")).isEqualTo(3);
        assertThat(p.value("vigil_vrrp_adverts_dropped_total", "instance", "VI_1", "reason", "auth_failure")).isEqualTo(2);
        assertThat(p.value("vigil_vrrp_adverts_dropped_total", "instance", "VI_1", "reason", "bad_checksum")).isZero();
        assertThat(p.samples("vigil_vrrp_adverts_dropped_total")).hasSize(2 * DropReason.values().length);
        assertThat(p.value("vigil_vrrp_advert_send_errors_total", "instance", "VI_1")).isEqualTo(1);
        assertThat(p.value("vigil_vrrp_garps_sent_total", "instance", "VI_1")).isEqualTo(5);
        assertThat(p.value("vigil_vrrp_adverts_sent_total", "instance", "VI \"2\"")).isZero();
        assertThat(p.samples("vigil_vrrp_transitions_total")).hasSize(2);
    }
}
