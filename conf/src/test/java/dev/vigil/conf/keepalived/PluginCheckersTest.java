package dev.vigil.conf.keepalived;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;
import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A checker block whose type a plugin provides is kept as a checker section of its real server. */
class PluginCheckersTest {
    private static final String CONF = """
            virtual_server 192.0.2.1 6379 {
              protocol TCP
              real_server 10.0.0.2 6379 {
                REDIS_ROLE {
                  role master
                  connect_timeout 2
                }
              }
            }
            """;

    @TempDir
    Path dir;

    /** Accepts every REDIS_ROLE section and remembers what it saw. */
    private static final class Recording implements SectionValidator {
        final List<Section> seen = new ArrayList<>();

        @Override
        public SectionKind kind() {
            return SectionKind.CHECKER;
        }

        @Override
        public String type() {
            return "REDIS_ROLE";
        }

        @Override
        public void validate(Section section, Diagnostics diagnostics) {
            seen.add(section);
        }
    }

    private Path conf() throws IOException {
        return Files.writeString(dir.resolve("keepalived.conf"), CONF);
    }

    @Test
    void withoutThePluginTheBlockIsAnUnknownCheckerTypeAndDropped() throws IOException {
        LoadResult r = ConfigLoader.builtin().loadKeepalived(conf(), null);
        assertThat(r.diagnostics()).extracting(Diagnostic::toString)
                .anyMatch(d -> d.contains(":4:") && d.contains("'REDIS_ROLE'")
                        && d.contains("not a built-in checker and no loaded plugin provides it")
                        && d.contains("--plugins-dir"));
        assertThat(r.orThrow().virtualServer().get(0).realServer().get(0).checkers()).isEmpty();
    }

    @Test
    void withThePluginTheBlockIsACheckerWithPositions() throws IOException {
        Recording plugin = new Recording();
        LoadResult r = new ConfigLoader(List.of(plugin)).loadKeepalived(conf(), null);
        assertThat(r.diagnostics()).isEmpty();
        List<Section> checkers = r.orThrow().virtualServer().get(0).realServer().get(0).checkers();
        assertThat(checkers).extracting(Section::type).containsExactly("REDIS_ROLE");
        assertThat(plugin.seen).containsExactlyElementsOf(checkers);
        MapNode params = checkers.get(0).params();
        MapNode.Entry role = params.entry("role").orElseThrow();
        assertThat(((ScalarNode) role.value()).value()).isEqualTo("master");
        assertThat(role.keyPosition().line()).isEqualTo(5);
        assertThat(params.entry("connect_timeout")).isPresent();
    }

    @Test
    void aPluginCheckerSurvivesTheYamlRoundTrip() throws IOException {
        ConfigLoader loader = new ConfigLoader(List.of(new Recording()));
        LoadResult imported = loader.loadKeepalived(conf(), null);
        String yaml = new dev.vigil.conf.yaml.YamlWriter(imported.comments()).print(imported.orThrow());
        assertThat(yaml).contains("REDIS_ROLE").contains("role: master");
        LoadResult back = loader.loadYaml("vigil.yaml", yaml);
        assertThat(back.diagnostics()).isEmpty();
        Section checker = back.orThrow().virtualServer().get(0).realServer().get(0).checkers().get(0);
        assertThat(checker.type()).isEqualTo("REDIS_ROLE");
        assertThat(((ScalarNode) checker.params().entry("role").orElseThrow().value()).value()).isEqualTo("master");
        assertThat(yaml).isEqualTo(dev.vigil.conf.yaml.YamlWriter.write(back.orThrow()));
    }
}
