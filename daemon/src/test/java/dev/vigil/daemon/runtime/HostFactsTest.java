package dev.vigil.daemon.runtime;

import dev.vigil.conf.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capabilities from /proc/PID/status, interface checks and the pid file. */
class HostFactsTest {
    @TempDir
    Path dir;

    @Test
    void capabilitiesComeFromCapEff() {
        String root = "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\n";
        String rawOnly = "CapPrm:\t0000000000003000\nCapEff:\t0000000000002000\n";
        String none = "CapEff:\t0000000000000000\n";
        assertThat(Capabilities.missing(root)).isEmpty();
        assertThat(Capabilities.missing(rawOnly)).containsExactly("CAP_NET_ADMIN");
        assertThat(Capabilities.missing(none)).containsExactly("CAP_NET_ADMIN", "CAP_NET_RAW");
    }

    @Test
    void aMissingInterfaceIsNamedWithItsInstanceAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("v.yaml"), "vrrp_instance:\n  VI_1:\n    interface: eth0\n"
                + "    virtual_router_id: 5\n  VI_2:\n    interface: eth9\n    virtual_router_id: 6\n");
        var config = ConfigLoader.builtin().load(f).orThrow();
        assertThat(new InterfaceCheck(n -> n.equals("eth0")).problems(config))
                .containsExactly("vrrp_instance VI_2 (" + f + ":6): interface eth9 does not exist");
    }

    @Test
    void aStalePidFileIsReplacedAndRemovedOnClose() throws IOException {
        Path p = dir.resolve("run/vigil.pid");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "999999999\n");
        try (PidFile pid = PidFile.acquire(p)) {
            assertThat(PidFile.read(p)).hasValue(ProcessHandle.current().pid());
            assertThat(pid.path()).isEqualTo(p);
        }
        assertThat(p).doesNotExist();
    }

    @Test
    void aLivePidFileIsRefused() throws IOException {
        long other = ProcessHandle.current().parent().orElseThrow().pid();
        Path p = Files.writeString(dir.resolve("vigil.pid"), other + "\n");
        assertThatThrownBy(() -> PidFile.acquire(p)).isInstanceOf(StartupException.class)
                .hasMessage("pid file " + p + " is held by running process " + other + " (another vigil?)");
        assertThat(PidFile.read(p)).hasValue(other);
    }

    @Test
    void closeLeavesAFileNamingAnotherProcess() throws IOException {
        Path p = dir.resolve("vigil.pid");
        PidFile pid = PidFile.acquire(p);
        Files.writeString(p, "1\n");
        pid.close();
        assertThat(p).exists();
    }
}
