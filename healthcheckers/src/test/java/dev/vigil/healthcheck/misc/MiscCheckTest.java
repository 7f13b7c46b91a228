package dev.vigil.healthcheck.misc;

import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** MISC_CHECK with scripts in a temporary directory. */
class MiscCheckTest {
    @TempDir
    Path dir;
    Checks checks;

    @BeforeEach
    void start() {
        checks = new Checks(dir);
    }

    @AfterEach
    void stop() {
        checks.close();
    }

    private String script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p.toString();
    }

    @Test
    void exitStatusDecides() throws Exception {
        CheckResult ok = checks.run(new MiscCheckFactory(), Map.of("misc_path", script("ok.sh", "exit 0")), 0);
        assertThat(ok.healthy()).isTrue();
        assertThat(ok.weight()).isEqualTo(OptionalInt.empty());
        CheckResult bad = checks.run(new MiscCheckFactory(), Map.of("misc_path", script("bad.sh", "exit 1")), 0);
        assertThat(bad.healthy()).isFalse();
        assertThat(bad.message()).isEqualTo("exit status 1");
        CheckResult args = checks.run(new MiscCheckFactory(),
                Map.of("misc_path", "\"" + script("args.sh", "test \"$1\" = yes") + " yes\""), 0);
        assertThat(args.healthy()).as(args.message()).isTrue();
    }

    @Test
    void dynamicExitCodesSetTheWeight() throws Exception {
        CheckResult w = checks.run(new MiscCheckFactory(), Map.of("misc_path", script("w.sh", "exit 12"),
                "misc_dynamic", "true"), 0);
        assertThat(w.healthy()).isTrue();
        assertThat(w.weight()).isEqualTo(OptionalInt.of(10));
        CheckResult down = checks.run(new MiscCheckFactory(), Map.of("misc_path", script("d.sh", "exit 1"),
                "misc_dynamic", "true"), 0);
        assertThat(down.healthy()).isFalse();
        CheckResult plain = checks.run(new MiscCheckFactory(), Map.of("misc_path", script("p.sh", "exit 12")), 0);
        assertThat(plain.healthy()).as("without misc_dynamic, any non-zero exit is down").isFalse();
    }

    @Test
    void aHungScriptIsKilledAtMiscTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        String hung = script("hung.sh", "echo $$ > " + pidFile + "\nsleep 60 &\nwait");
        try (HealthChecker c = checks.checker(new MiscCheckFactory(), Map.of("misc_path", hung, "misc_timeout", "0.5"))) {
            long start = System.nanoTime();
            CheckResult r = checks.run(c, 0, Duration.ofSeconds(10));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("misc_timeout 500 ms: killed");
            assertThat(ms).isBetween(400L, 3000L);
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long until = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("script killed").isFalse();
    }
}
