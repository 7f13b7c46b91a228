package dev.vigil.conf.keepalived;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.TestFiles;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Includes, conditionals, parameters (multi-line too) and sequences, as keepalived reads them. */
class PreprocessorTest {
    private static VigilConfig load(String id) {
        LoadResult r = ConfigLoader.builtin().loadKeepalived(TestFiles.resource("keepalived/features/main.conf"), id);
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).noneMatch(d -> !d.contains("warning"));
        return r.orThrow();
    }

    @Test
    void conditionalLinesFollowTheConfigId() {
        assertThat(load("main").globalDefs().routerId()).isEqualTo("main_router");
        assertThat(load("backup").globalDefs().routerId()).isEqualTo("backup_router");
        assertThat(load(null).globalDefs().routerId()).isNull();
    }

    @Test
    void multiLineParametersExpandWithTheCurrentValues() {
        VigilConfig c = load("main");
        assertThat(c.vrrpInstance()).extracting(VrrpInstance::name).containsExactly("VI_1", "VI_2");
        VrrpInstance vi2 = c.vrrpInstance().get(1);
        assertThat(vi2.virtualRouterId()).isEqualTo(21);
        assertThat(vi2.priority()).isEqualTo(200);
        assertThat(vi2.interfaceName()).isEqualTo("eth0");
        assertThat(vi2.virtualIpaddress().get(0).address().toString()).isEqualTo("10.2.0.2/24");
        assertThat(load("other").vrrpInstance().get(0).priority()).isEqualTo(100);
    }

    @Test
    void positionsPointIntoTheKeepalivedFiles() {
        VigilConfig c = load("main");
        assertThat(c.vrrpScript().get(0).position().toString()).endsWith("conf.d/scripts.conf:2:1");
        assertThat(c.vrrpScript().get(0).script()).isEqualTo("/bin/check 'a b'");
        assertThat(c.vrrpScript().get(0).weight()).isEqualTo(-5);
        assertThat(c.vrrpScript().get(0).reverse()).isTrue();
    }

    @Test
    void sequencesRepeatTheLine() {
        assertThat(load("main").virtualServer()).extracting(vs -> vs.ip().text())
                .containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
    }
}
