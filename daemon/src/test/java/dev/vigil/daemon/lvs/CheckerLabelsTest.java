package dev.vigil.daemon.lvs;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** keepalived's names of virtual and real servers (FMT_VS, FMT_RS) from the configuration. */
class CheckerLabelsTest {
    private static VigilConfig config(String yaml) {
        return ConfigLoader.builtin().loadYaml("t.yaml", yaml).orThrow();
    }

    @Test
    void addressPortFwmarkAndGroupServices() {
        VigilConfig c = config("""
                virtual_server_group:
                  WEB:
                    members:
                      - ip: 10.0.0.5
                        port: 443
                virtual_server:
                  - ip: 10.0.0.1
                    port: 80
                    protocol: TCP
                    real_server:
                      - ip: 192.168.1.2
                      - ip: 192.168.1.3
                        port: 8080
                  - ip: 2001:db8::1
                    port: 53
                    protocol: UDP
                    real_server:
                      - ip: 2001:db8:0:0:0:0:0:2
                        port: 53
                  - fwmark: 7
                    real_server:
                      - ip: 192.168.1.4
                        port: 8080
                  - group: WEB
                    real_server:
                      - ip: 192.168.1.5
                        port: 443
                """);
        CheckerLabels l = CheckerLabels.of(c);
        assertThat(l.virtualServerLabel("TCP 10.0.0.1:80")).isEqualTo("[10.0.0.1]:tcp:80");
        assertThat(l.realServerLabel("TCP 10.0.0.1:80", "192.168.1.2:80")).isEqualTo("[192.168.1.2]:tcp:80");
        assertThat(l.realServerLabel("TCP 10.0.0.1:80", "192.168.1.3:8080")).isEqualTo("[192.168.1.3]:tcp:8080");
        assertThat(l.virtualServerLabel("UDP [2001:db8::1]:53")).isEqualTo("[2001:db8::1]:udp:53");
        assertThat(l.realServerLabel("UDP [2001:db8::1]:53", "[2001:db8::2]:53")).isEqualTo("[2001:db8::2]:udp:53");
        assertThat(l.virtualServerLabel("FWM 7")).isEqualTo("FWM 7");
        assertThat(l.realServerLabel("FWM 7", "192.168.1.4:0")).as("no port under fwmark").isEqualTo("[192.168.1.4]:tcp:0");
        assertThat(l.virtualServerLabel("WEB")).isEqualTo("[WEB]:0");
        assertThat(l.realServer("[WEB]:0", "[192.168.1.5]:tcp:443")).map(x -> x.server().ip().text()).contains("192.168.1.5");
        assertThat(l.virtualServer("[10.0.0.1]:tcp:80")).map(x -> x.server().port()).contains(80);
        assertThat(l.virtualServerLabel("unknown")).isEqualTo("unknown");
    }
}
