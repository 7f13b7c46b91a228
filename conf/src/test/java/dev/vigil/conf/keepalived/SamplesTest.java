package dev.vigil.conf.keepalived;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.TestFiles;
import dev.vigil.conf.yaml.YamlWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every keepalived sample (copied from the keepalived package's samples) loads without errors. */
class SamplesTest {
    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.resource("keepalived/samples"))) {
            List<Path> list = files.sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void loadsWithoutErrors(Path sample) {
        String id = sample.getFileName().toString().endsWith("conditional_conf") ? "high" : null;
        LoadResult result = ConfigLoader.builtin().loadKeepalived(sample, id);
        result.diagnostics().forEach(System.out::println);
        assertThat(result.errors()).extracting(Diagnostic::toString).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void convertsToYamlThatReadsBackEqual(Path sample) {
        String id = sample.getFileName().toString().endsWith("conditional_conf") ? "high" : null;
        LoadResult keepalived = ConfigLoader.builtin().loadKeepalived(sample, id);
        String yaml = new YamlWriter(keepalived.comments()).print(keepalived.orThrow());
        LoadResult back = ConfigLoader.builtin().loadYaml("converted.yaml", yaml);
        if (sample.getFileName().toString().endsWith("conf.sample")) {
            System.out.println(yaml);
        }
        assertThat(back.errors()).extracting(Diagnostic::toString).as(yaml).isEmpty();
        assertThat(back.orThrow()).isEqualTo(keepalived.orThrow());
    }
}
