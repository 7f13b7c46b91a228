package dev.vigil.plugin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SectionReaderTest {
    private static Section section(Object... keyValueLine) {
        Map<String, Section.Setting> s = new LinkedHashMap<>();
        for (int i = 0; i < keyValueLine.length; i += 3) {
            String k = (String) keyValueLine[i];
            s.put(k, new Section.Setting(k, keyValueLine[i + 1], new Location("a.yaml", (Integer) keyValueLine[i + 2], 5)));
        }
        return new Section("HTTP_GET", new Location("a.yaml", 1, 3), s);
    }

    @Test
    void readsTextAndTypedValuesAlike() {
        SectionReader r = new SectionReader(section("retry", "3", 2, "warmup", 2.5, 3, "nopreempt", "yes", 4,
                "path", List.of("/a", "b"), 5));
        assertThat(r.integer("retry", 1, 0, 100)).isEqualTo(3);
        assertThat(r.seconds("warmup", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        assertThat(r.bool("nopreempt", false)).isTrue();
        assertThat(r.string("path")).contains("/a b");
        assertThat(r.seconds("delay_loop", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.finish()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsPosition() {
        SectionReader r = new SectionReader(section("retry", "x", 2, "conect_timeout", "3", 3, "warmup", "-1", 4));
        r.integer("retry", 1, 0, 100);
        r.seconds("warmup", Duration.ZERO);
        r.seconds("connect_timeout", Duration.ofSeconds(5));
        r.required("url");
        assertThat(r.finish()).extracting(Object::toString).containsExactly(
                "a.yaml:2:5: 'retry' must be a whole number, not 'x'",
                "a.yaml:4:5: 'warmup' must be a positive number of seconds, not '-1'",
                "a.yaml:1:3: HTTP_GET needs 'url'",
                "a.yaml:3:5: unknown key 'conect_timeout' in HTTP_GET (did you mean 'connect_timeout'?)");
    }

    @Test
    void outOfRangeNumbersAreNamed() {
        SectionReader r = new SectionReader(section("retry", 1000, 7));
        assertThat(r.integer("retry", 1, 0, 100)).isEqualTo(1);
        assertThat(r.finish()).extracting(ConfigProblem::message)
                .containsExactly("'retry' must be between 0 and 100, not 1000");
    }

    @Test
    void farAwayWordsGetNoSuggestion() {
        assertThat(SectionReader.closest("zzzzzz", List.of("retry", "warmup"))).isNull();
        assertThat(SectionReader.closest("delay_lop", List.of("retry", "delay_loop"))).isEqualTo("delay_loop");
    }
}
