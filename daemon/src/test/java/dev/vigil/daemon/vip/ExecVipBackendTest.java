package dev.vigil.daemon.vip;

import static dev.vigil.daemon.vip.Addresses.vip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.vip.VipBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec backend with real (tiny) commands: success, failure, timeout. */
class ExecVipBackendTest {
    @TempDir
    Path dir;

    @Test
    void runsTheAddAndRemoveCommandsWithTheAddress() throws Exception {
        Path log = dir.resolve("log");
        VipBackend b = backend("sh -c 'echo add $0 $1 >> " + log + "' %cidr %dev",
                "sh -c 'echo remove $0 $1 >> " + log + "' %cidr %dev", Duration.ofSeconds(5));
        b.add(vip("VI_1", "10.0.0.10", 24, "eth0"));
        b.remove(vip("VI_1", "10.0.0.10", 24, "eth0"));
        assertThat(Files.readAllLines(log)).containsExactly("add 10.0.0.10/24 eth0", "remove 10.0.0.10/24 eth0");
        assertThat(b.held("VI_1")).isEmpty();
    }

    @Test
    void aNonZeroExitFailsWithTheStatusAndTheLastLineOfOutput() {
        VipBackend b = backend("sh -c 'echo first; echo \"cloud API said no\" >&2; exit 3'", "true", Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.add(vip("VI_1", "10.0.0.10", 24, "eth0")))
                .isInstanceOf(ExecVipBackend.ExecFailedException.class)
                .hasMessageContaining("exited with status 3: cloud API said no");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path pid = dir.resolve("child.pid");
        VipBackend b = backend("true", "sh -c 'sleep 60 & echo $! > " + pid + "; wait'", Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> b.remove(vip("VI_1", "10.0.0.10", 24, "eth0")))
                .hasMessageContaining("timed out after 300 ms and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pid).strip());
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the command's child").isFalse();
    }

    @Test
    void aMissingProgramFailsClearly() {
        VipBackend b = backend(dir.resolve("no-such-program") + " %addr", "true", Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.add(vip("VI_1", "10.0.0.10", 24, "eth0"))).hasMessageContaining("could not start");
    }

    @Test
    void validationReportsMissingCommandsBadPlaceholdersAndUnknownKeys() {
        ExecVipBackendFactory f = new ExecVipBackendFactory();
        assertThat(f.validate(Section.of("exec", Map.of("add", "x %addr", "remove", "y %addr")))).isEmpty();
        assertThat(f.validate(Section.of("exec", Map.of("add", "x %addr", "remove", "y %adr", "timout", "3"))))
                .extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'remove'").contains("unknown placeholder"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'timout'"));
        assertThat(f.validate(Section.of("exec", Map.of("add", "x")))).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("needs 'remove'"));
        assertThat(f.validate(Section.of("exec", Map.of("add", "x", "remove", "y", "retries", "-1"))))
                .isNotEmpty();
    }

    private static VipBackend backend(String add, String remove, Duration timeout) {
        return new ExecVipBackend(ExecCommand.parse(add), ExecCommand.parse(remove), timeout);
    }
}
