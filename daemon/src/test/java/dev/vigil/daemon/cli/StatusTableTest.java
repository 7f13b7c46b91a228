package dev.vigil.daemon.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The human status table. */
class StatusTableTest {
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> daemon(Map<String, Object> lastReload) {
        return row("pid", 42, "state", "running", "config", "/etc/vigil/vigil.yaml", "started_at", "2025-01-02T03:04:05Z",
                "reloads", row("applied", 2, "refused", 1), "last_reload", lastReload);
    }

    @Test
    void vrrpRowsAreATableInTheUsualColumnOrder() {
        Map<String, Object> vrrp = row("instances", List.of(
                row("master", "10.0.0.1", "vips", List.of("192.0.2.10/24", "192.0.2.11/24"), "vrid", 51,
                        "interface", "eth0", "effective_priority", 140, "priority", 150, "state", "MASTER",
                        "instance", "VI_1", "since", "03:04:05"),
                row("instance", "VI_22", "state", "BACKUP", "priority", 100, "effective_priority", 100,
                        "interface", "eth1", "vrid", 7, "vips", List.of(), "master", null)),
                "adverts_sent", 1234);
        String text = StatusTable.render(row("daemon", daemon(null), "subsystems", row("vrrp", vrrp)));
        assertThat(text).isEqualTo("""
                vigil pid 42, running, config /etc/vigil/vigil.yaml, started 2025-01-02T03:04:05Z
                reloads: 2 applied, 1 refused

                vrrp
                  adverts_sent: 1234
                  INSTANCE  STATE   PRIORITY  EFFECTIVE_PRIORITY  INTERFACE  VRID  VIPS                         MASTER    SINCE
                  VI_1      MASTER  150       140                 eth0       51    192.0.2.10/24,192.0.2.11/24  10.0.0.1  03:04:05
                  VI_22     BACKUP  100       100                 eth1       7     -                            -         -
                """);
    }

    @Test
    void aRefusedLastReloadShowsItsReasonsAndNoSubsystemsIsSaid() {
        Map<String, Object> last = row("at", "2025-01-02T04:00:00Z", "ok", false,
                "messages", List.of("/etc/vigil/vigil.yaml:4:24: out of range"));
        String text = StatusTable.render(row("daemon", daemon(last), "subsystems", row()));
        assertThat(text).isEqualTo("""
                vigil pid 42, running, config /etc/vigil/vigil.yaml, started 2025-01-02T03:04:05Z
                reloads: 2 applied, 1 refused; last at 2025-01-02T04:00:00Z refused
                  /etc/vigil/vigil.yaml:4:24: out of range

                no subsystems
                """);
    }

    @Test
    void nestedValuesAndSeveralTablesAreLabelled() {
        Map<String, Object> lvs = row("services", List.of(row("service", "tcp 10.0.0.1:80", "real_servers", 2)),
                "quorum", row("up", true, "lost", 0), "sorry", List.of());
        String text = StatusTable.render(row("subsystems", row("lvs", lvs)));
        assertThat(text).isEqualTo("""

                lvs
                  quorum.up: true
                  quorum.lost: 0
                  services:
                  SERVICE          REAL_SERVERS
                  tcp 10.0.0.1:80  2
                  sorry: none
                """);
    }

    @Test
    void observedVipsSyncGroupsAndRealServerWeightsAreColumnsAndCountersAreLeftToJson() {
        Map<String, Object> vrrp = row("instances", List.of(
                        row("instance", "VI_1", "state", "MASTER", "priority", 150, "effective_priority", 150,
                                "interface", "eth0", "vrid", 51, "vips", List.of("192.0.2.10/24 dev eth0"),
                                "master", "self", "counters", row("adverts_sent", 10), "sync_group", "G",
                                "vips_present", List.of("192.0.2.10/24 dev eth0"))),
                "sync_groups", List.of(row("sync_group", "G", "state", "MASTER", "members", List.of("VI_1=MASTER"))));
        Map<String, Object> lvs = row("real_servers", List.of(
                row("virtual_server", "TCP 192.0.2.10:80", "real_server", "10.0.0.11:80", "state", "down",
                        "weight_configured", 3, "weight", 0, "in_ipvs", true, "checks", List.of("TCP_CHECK=down (refused)"))));
        String text = StatusTable.render(row("subsystems", row("vrrp", vrrp, "lvs", lvs)));
        assertThat(text).isEqualTo("""

                vrrp
                  instances:
                  INSTANCE  STATE   PRIORITY  EFFECTIVE_PRIORITY  INTERFACE  VRID  VIPS                    VIPS_PRESENT            MASTER  SYNC_GROUP
                  VI_1      MASTER  150       150                 eth0       51    192.0.2.10/24 dev eth0  192.0.2.10/24 dev eth0  self    G
                  sync_groups:
                  SYNC_GROUP  STATE   MEMBERS
                  G           MASTER  VI_1=MASTER

                lvs
                  VIRTUAL_SERVER     REAL_SERVER   STATE  WEIGHT_CONFIGURED  WEIGHT  IN_IPVS  CHECKS
                  TCP 192.0.2.10:80  10.0.0.11:80  down   3                  0       true     TCP_CHECK=down (refused)
                """);
    }
}
