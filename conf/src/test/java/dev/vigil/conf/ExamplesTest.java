package dev.vigil.conf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file in conf/examples passes check-config with no error and no warning. */
class ExamplesTest {
    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validates(Path example) {
        LoadResult r = ConfigLoader.builtin().load(example);
        assertThat(r.format()).isEqualTo(ConfigFormat.YAML);
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).isEmpty();
        assertThat(r.ok()).isTrue();
    }
}
