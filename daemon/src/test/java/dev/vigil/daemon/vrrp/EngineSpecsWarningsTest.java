package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configured instance features the engine does not implement are reported, not silently dropped. */
class EngineSpecsWarningsTest {
    @TempDir
    Path dir;

    private VigilConfig load(String extra) throws IOException {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 7
                    priority 100
                    %s
                    virtual_ipaddress {
                        10.0.0.7/24
                    }
                }
                vrrp_instance VI_2 {
                    interface eth1
                    virtual_router_id 8
                    priority 100
                    virtual_ipaddress {
                        10.0.1.8/24
                    }
                }
                """.formatted(extra));
        return ConfigLoader.builtin().loadKeepalived(f, null).orThrow();
    }

    @Test
    void useVmacIsReportedForItsInstanceOnly() throws IOException {
        assertThat(EngineSpecs.warnings(load("use_vmac"))).singleElement().asString()
                .startsWith("vrrp_instance VI_1").contains("use_vmac is not implemented").contains("eth0");
    }

    @Test
    void namedVmacIsReported() throws IOException {
        assertThat(EngineSpecs.warnings(load("use_vmac vrrp.7"))).hasSize(1);
    }

    @Test
    void plainInstancesHaveNoWarnings() throws IOException {
        assertThat(EngineSpecs.warnings(load(""))).isEmpty();
    }
}
