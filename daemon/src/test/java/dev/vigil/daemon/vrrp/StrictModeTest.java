package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.packet.AuthType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vrrp_strict resets what strict RFC compliance forbids, with a warning each, as keepalived 2.2.7 does. */
class StrictModeTest {
    @TempDir
    Path dir;

    private VigilConfig load(String globals, String body, String vip) throws IOException {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), """
                global_defs {
                    %s
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    %s
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(globals, body, vip));
        return ConfigLoader.builtin().loadKeepalived(f, null).orThrow();
    }

    private static InstanceSpec spec(VigilConfig c) {
        return new InstanceSpecs(c, n -> 2).all().get(0);
    }

    private static final String EVERYTHING = """
            state MASTER
            priority 100
            version 2
            preempt_delay 5
            authentication {
                auth_type PASS
                auth_pass secret
            }
            accept
            higher_prio_send_advert
            lower_prio_no_advert false
            use_vmac
            vmac_xmit_base
            """;

    @Test
    void strictResetsWhatItForbidsAndSaysSo() throws IOException {
        VigilConfig c = load("vrrp_strict", EVERYTHING, "10.0.0.1/24");
        InstanceSpec s = spec(c);
        assertThat(s.startAsMaster()).isFalse();
        assertThat(s.authType()).isEqualTo(AuthType.NONE);
        assertThat(s.preemptDelay()).isEqualTo(Duration.ZERO);
        assertThat(s.accept()).as("no accept with VRRPv2").isFalse();
        assertThat(s.higherPrioSendAdvert()).isFalse();
        assertThat(s.lowerPrioNoAdvert()).isTrue();
        assertThat(s.vmac().xmitBase()).isFalse();
        assertThat(s.strict()).isTrue();
        List<String> w = EngineSpecs.warnings(c);
        // authentication in strict mode is the configuration check's warning, not repeated here
        assertThat(w).hasSize(6).allSatisfy(x -> assertThat(x).startsWith("vrrp_instance VI_1").contains("strict mode"));
        assertThat(String.join("\n", w)).contains("state MASTER").contains("preempt_delay")
                .contains("accept with VRRP version 2").contains("higher_prio_send_advert")
                .contains("lower_prio_no_advert").contains("vmac_xmit_base");
    }

    @Test
    void withoutStrictNothingChanges() throws IOException {
        VigilConfig c = load("", EVERYTHING, "10.0.0.1/24");
        InstanceSpec s = spec(c);
        assertThat(s.startAsMaster()).isTrue();
        assertThat(s.authType()).isEqualTo(AuthType.PASS);
        assertThat(s.preemptDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.accept()).isTrue();
        assertThat(s.vmac().xmitBase()).isTrue();
        assertThat(EngineSpecs.warnings(c)).isEmpty();
    }

    @Test
    void acceptModeDefaultsToOnExceptInStrictModeWhereOnlyTheOwnerAccepts() throws IOException {
        assertThat(spec(load("", "priority 100", "10.0.0.1/24")).filtersVips()).isFalse();
        assertThat(spec(load("", "priority 100\nno_accept", "10.0.0.1/24")).filtersVips()).isTrue();
        assertThat(spec(load("vrrp_strict", "priority 100", "10.0.0.1/24")).filtersVips()).isTrue();
        assertThat(spec(load("vrrp_strict", "priority 255\nstate MASTER", "10.0.0.1/24")).filtersVips()).isFalse();
        assertThat(spec(load("vrrp_strict", "priority 100\nversion 3\naccept", "10.0.0.1/24")).filtersVips()).isFalse();
        assertThat(spec(load("", "priority 100\nstrict_mode\nversion 3", "10.0.0.1/24")).accept()).isFalse();
    }

    @Test
    void aFirstIpv6AddressThatIsNotLinkLocalIsOnlyWarnedAbout() throws IOException {
        VigilConfig c = load("vrrp_strict", "priority 100", "2001:db8::1/64");
        assertThat(EngineSpecs.warnings(c)).singleElement().asString().contains("link-local");
        assertThat(EngineSpecs.warnings(load("vrrp_strict", "priority 100", "fe80::1/64\n2001:db8::1/64"))).isEmpty();
    }
}
