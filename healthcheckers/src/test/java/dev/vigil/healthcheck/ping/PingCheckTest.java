package dev.vigil.healthcheck.ping;

import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PingCheckTest {
    @TempDir
    Path dir;

    @Test
    void loopbackAnswers() throws Exception {
        try (Checks checks = new Checks(dir)) {
            CheckResult r = checks.run(new PingCheckFactory(), Map.of(), 0);
            assertThat(r.healthy()).as(r.message()).isTrue();
            assertThat(r.message()).isEqualTo("echo reply");
        }
    }
}
