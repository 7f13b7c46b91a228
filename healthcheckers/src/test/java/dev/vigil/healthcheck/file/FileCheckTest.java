package dev.vigil.healthcheck.file;

import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileCheckTest {
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

    private CheckResult check(String content, Map<String, String> extra) throws Exception {
        Path f = dir.resolve("state");
        if (content == null) {
            Files.deleteIfExists(f);
        } else {
            Files.writeString(f, content);
        }
        Map<String, String> s = new java.util.HashMap<>(extra);
        s.put("track_file", f.toString());
        return checks.run(new FileCheckFactory(), s, 0);
    }

    @Test
    void weightZeroTreatsTheValueAsAStatus() throws Exception {
        assertThat(check("0\n", Map.of("weight", "0")).healthy()).isTrue();
        CheckResult r = check("3\n", Map.of("weight", "0"));
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("value 3");
    }

    @Test
    void weightedValuesMustNotBeNegative() throws Exception {
        CheckResult up = check("5", Map.of("weight", "2"));
        assertThat(up.healthy()).isTrue();
        assertThat(up.message()).isEqualTo("value 5 × weight 2 = 10");
        assertThat(check("-1", Map.of()).healthy()).isFalse();
        assertThat(check("5", Map.of("weight", "2 reverse")).healthy()).isFalse();
        assertThat(check("-5", Map.of("weight", "2", "reverse", "true")).healthy()).isTrue();
    }

    @Test
    void missingOrGarbledFilesAreDown() throws Exception {
        CheckResult missing = check(null, Map.of());
        assertThat(missing.healthy()).isFalse();
        assertThat(missing.message()).endsWith("does not exist");
        assertThat(check("up", Map.of()).message()).endsWith("holds no number: 'up'");
    }
}
