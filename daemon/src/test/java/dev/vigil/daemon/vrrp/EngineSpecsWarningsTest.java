package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.VmacSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** use_vmac is resolved for IPv4 and IPv6 instances, without warnings. */
class EngineSpecsWarningsTest {
    @TempDir
    Path dir;

    private VigilConfig load(String extra) throws IOException {
        return load(extra, "10.0.0.7/24");
    }

    private VigilConfig load(String extra, String vip) throws IOException {
        Path f = Files.writeString(dir.resolve("keepalived.conf"), """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 7
                    priority 100
                    %s
                    virtual_ipaddress {
                        %s
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
                """.formatted(extra, vip));
        return ConfigLoader.builtin().loadKeepalived(f, null).orThrow();
    }

    private static InstanceSpec first(VigilConfig config) {
        return new InstanceSpecs(config, name -> name.equals("eth0") ? 2 : 3).all().get(0);
    }

    @Test
    void ipv4UseVmacIsResolvedToTheDefaultNameAndVirtualMac() throws IOException {
        VigilConfig config = load("use_vmac");
        assertThat(EngineSpecs.warnings(config)).isEmpty();
        assertThat(first(config).vmac()).isEqualTo(new VmacSpec("vrrp.7", MacAddress.parse("00:00:5e:00:01:07"), false));
    }

    @Test
    void namedVmacWithXmitBase() throws IOException {
        VigilConfig config = load("use_vmac vip7\n vmac_xmit_base");
        assertThat(EngineSpecs.warnings(config)).isEmpty();
        assertThat(first(config).vmac()).isEqualTo(new VmacSpec("vip7", MacAddress.vrrpIpv4(7), true));
    }

    @Test
    void ipv6UseVmacGetsTheIpv6VirtualMac() throws IOException {
        VigilConfig config = load("use_vmac", "2001:db8::7/64");
        assertThat(EngineSpecs.warnings(config)).isEmpty();
        assertThat(first(config).vmac()).isEqualTo(new VmacSpec("vrrp.7", MacAddress.parse("00:00:5e:00:02:07"), false));
    }

    @Test
    void plainInstancesHaveNoWarnings() throws IOException {
        assertThat(EngineSpecs.warnings(load(""))).isEmpty();
        assertThat(first(load("vmac_xmit_base")).vmac()).isNull();
    }
}
