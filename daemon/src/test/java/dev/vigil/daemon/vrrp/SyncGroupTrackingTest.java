package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.InstanceSpec.TrackBinding;
import dev.vigil.vrrp.packet.TtlRange;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution of sync group tracking (every member tracks what the group tracks, without weight; member
 * weights set to 0 as keepalived does) and of per-peer TTL ranges.
 */
class SyncGroupTrackingTest {
    @TempDir
    Path dir;

    private VigilConfig load(String text) throws IOException {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), text);
        return ConfigLoader.builtin().loadKeepalived(f, null).orThrow();
    }

    private static InstanceSpec instance(VigilConfig config, String name) {
        return new InstanceSpecs(config, n -> n.startsWith("eth") ? 2 : 0).all().stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String SCRIPTS = """
            vrrp_script chk_a {
                script "/bin/true"
                weight -20
            }
            vrrp_script chk_g {
                script "/bin/true"
            }
            track_file f_g {
                file "/tmp/state"
            }
            """;

    private static String instances(String weightKeyword) {
        return """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    priority 100
                    track_script {
                        chk_a weight -30
                    }
                    virtual_ipaddress {
                        10.0.0.1/24
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 2
                    priority 100
                    virtual_ipaddress {
                        10.0.0.2/24
                    }
                }
                vrrp_instance VI_3 {
                    interface eth0
                    virtual_router_id 3
                    priority 100
                    track_script {
                        chk_a weight -30
                    }
                    virtual_ipaddress {
                        10.0.0.3/24
                    }
                }
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    %s
                    track_script {
                        chk_g weight 10
                    }
                    track_interface {
                        eth1
                    }
                    track_file {
                        f_g reverse
                    }
                    notify "/bin/echo"
                }
                """.formatted(weightKeyword);
    }

    @Test
    void everyMemberTracksTheGroupsObjectsWithoutWeightAndItsOwnWeightsBecomeZero() throws IOException {
        VigilConfig config = load(SCRIPTS + instances(""));
        List<TrackBinding> groupPart = List.of(new TrackBinding("interface", "eth1", 0, false),
                new TrackBinding("script", "chk_g", 0, false), new TrackBinding("file", "f_g", 0, true));
        assertThat(instance(config, "VI_1").tracked()).first().isEqualTo(new TrackBinding("script", "chk_a", 0, false));
        assertThat(instance(config, "VI_1").tracked()).containsAll(groupPart).hasSize(4);
        assertThat(instance(config, "VI_2").tracked()).containsExactlyElementsOf(groupPart);
        assertThat(instance(config, "VI_3").tracked()).as("not a member")
                .containsExactly(new TrackBinding("script", "chk_a", -30, false));
        assertThat(EngineSpecs.warnings(config)).anySatisfy(w -> assertThat(w).startsWith("vrrp_sync_group G")
                .contains("weight 10 of track_script chk_g ignored")).anySatisfy(w -> assertThat(w)
                .startsWith("vrrp_instance VI_1").contains("weight -30 of track_script chk_a set to 0")
                .contains("vrrp_sync_group G")).noneSatisfy(w -> assertThat(w).contains("VI_3"));
        assertThat(EngineSpecs.of(config, n -> 2).groups()).singleElement()
                .satisfies(g -> assertThat(g.notifyCommands().any()).isEqualTo("/bin/echo"));
    }

    @Test
    void syncGroupTrackingWeightKeepsTheMembersWeights() throws IOException {
        VigilConfig config = load(SCRIPTS + instances("sync_group_tracking_weight"));
        assertThat(instance(config, "VI_1").tracked()).contains(new TrackBinding("script", "chk_a", -30, false),
                new TrackBinding("script", "chk_g", 0, false));
        assertThat(EngineSpecs.warnings(config)).noneSatisfy(w -> assertThat(w).startsWith("vrrp_instance"));
    }

    private static String unicast(String peers) {
        return """
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    priority 100
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        10.0.0.1/24
                    }
                }
                """.formatted(peers);
    }

    @Test
    void peerTtlRangesTurnOnCheckUnicastSrc() throws Exception {
        InstanceSpec plain = instance(load(unicast("10.0.0.7")), "VI_1");
        assertThat(plain.peerTtls()).isEmpty();
        assertThat(plain.checkUnicastSrc()).isFalse();

        InstanceSpec s = instance(load(unicast("10.0.0.7 min_ttl 250\n10.0.0.8 max_ttl 254\n10.0.0.9")), "VI_1");
        assertThat(s.peerTtls()).containsExactly(new TtlRange(InetAddress.getByName("10.0.0.7"), 250, 255),
                new TtlRange(InetAddress.getByName("10.0.0.8"), 0, 254));
        assertThat(s.checkUnicastSrc()).isTrue();

        VigilConfig bad = load(unicast("10.0.0.7 min_ttl 200 max_ttl 100"));
        assertThatThrownBy(() -> instance(bad, "VI_1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VI_1").hasMessageContaining("min_ttl 200 above max_ttl 100");
    }
}
