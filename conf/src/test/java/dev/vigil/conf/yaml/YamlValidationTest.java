package dev.vigil.conf.yaml;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.TestFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem of a YAML file is reported at once, at its exact position. */
class YamlValidationTest {
    private static LoadResult load(String name) throws IOException {
        Path p = TestFiles.resource("yaml/bad/" + name);
        return ConfigLoader.builtin().loadYaml(name, Files.readString(p));
    }

    @Test
    void reportsEveryProblemWithItsPosition() throws IOException {
        LoadResult r = load("many-errors.yaml");
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "many-errors.yaml:4:15: vrrp_script chk_web.interval: expected seconds (a number such as 1 or 0.5, at most 6 decimals), got 'soon'",
                "many-errors.yaml:8:12: vrrp_instance VI_1.state: expected one of MASTER, BACKUP, got 'MASTR'; did you mean 'MASTER'?",
                "many-errors.yaml:10:24: vrrp_instance VI_1.virtual_router_id 300 is out of range 1..255",
                "many-errors.yaml:11:5: unknown key 'priorty' in vrrp_instance VI_1; did you mean 'priority'?",
                "many-errors.yaml:15:9: (VI_1) virtual_ipaddress 2001:db8::1/64 is IPv6 but the instance's first address is IPv4; move the other family's addresses to virtual_ipaddress_excluded",
                "many-errors.yaml:17:9: (VI_1) unicast_peer 2001:db8::2 is IPv6 but the instance is IPv4; peers must be of the instance's family",
                "many-errors.yaml:19:9: (VI_1) unknown vrrp_script 'chk_wbe'; did you mean 'chk_web'?",
                "many-errors.yaml:23:15: vrrp_instance VI_2.priority 0 is out of range 1..255",
                "many-errors.yaml:27:5: warning: (VI_3) nopreempt will not work with initial state MASTER; use state BACKUP with nopreempt on every node",
                "many-errors.yaml:27:5: (VI_3) virtual_router_id 51 is already used by VI_2 on eth0 for IPv4; each instance on an interface and family needs its own VRID");
    }

    @Test
    void reportsSyntaxErrorsWithPosition() throws IOException {
        LoadResult r = load("syntax.yaml");
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).toString()).startsWith("syntax.yaml:4:").contains("YAML syntax error");
    }
}
