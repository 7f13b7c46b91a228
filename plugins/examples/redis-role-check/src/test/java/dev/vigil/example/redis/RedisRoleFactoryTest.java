package dev.vigil.example.redis;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Location;
import dev.vigil.plugin.Section;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation of REDIS_ROLE sections, with positions, and the PF4J index. */
class RedisRoleFactoryTest {
    private final RedisRoleFactory factory = new RedisRoleFactory();

    /** A section written in k.conf, one key per line from line 2. */
    private static Section section(String type, String... keyValues) {
        Map<String, Section.Setting> s = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            s.put(keyValues[i], new Section.Setting(keyValues[i], keyValues[i + 1], new Location("k.conf", 2 + i / 2, 5)));
        }
        return new Section(type, new Location("k.conf", 1, 3), s);
    }

    private List<String> problems(String... keyValues) {
        return factory.validate(section("REDIS_ROLE", keyValues)).stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void validSections() {
        assertThat(problems("role", "master")).isEmpty();
        assertThat(problems("role", "SLAVE", "password", "s3cret")).isEmpty();
        assertThat(problems("role", "replica")).isEmpty();
    }

    @Test
    void everyProblemHasItsPosition() {
        assertThat(problems("role", "primary", "pasword", "x")).containsExactly(
                "k.conf:2:5: role must be master or slave, not 'primary'",
                "k.conf:3:5: unknown key 'pasword' in REDIS_ROLE (did you mean 'password'?)");
        assertThat(problems()).containsExactly("k.conf:1:3: REDIS_ROLE needs 'role'");
        assertThat(problems("role", "master", "password", "")).containsExactly(
                "k.conf:3:5: password must not be empty (leave the key out for no AUTH)");
        assertThat(factory.validate(section("TCP_CHECK", "role", "master"))).extracting(ConfigProblem::message)
                .containsExactly("REDIS_ROLE cannot read a TCP_CHECK section");
    }

    @Test
    void createRefusesAnInvalidSection() {
        assertThatThrownBy(() -> factory.create(section("REDIS_ROLE", "role", "x"), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> factory.create(section("REDIS_ROLE", "role", "x"),
                new dev.vigil.plugin.PluginContext("n", java.time.Clock.systemUTC(), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k.conf:2:5: role must be master or slave, not 'x'");
    }

    @Test
    void theExtensionIndexNamesTheFactory() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/extensions.idx")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(RedisRoleFactory.class.getName());
        }
        assertThat(factory.type()).isEqualTo("REDIS_ROLE");
    }
}
