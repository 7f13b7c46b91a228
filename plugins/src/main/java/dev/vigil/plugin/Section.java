package dev.vigil.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin's section of the configuration, as written: a {@code type} naming the extension
 * (a checker's {@code HTTP_GET}, a notifier's {@code webhook}) and its settings in order. Values
 * are strings, booleans, numbers, lists of values, or nested sections (an {@code HTTP_GET}'s
 * {@code url} blocks); keepalived.conf gives strings only. Read them with {@link SectionReader},
 * which converts and collects problems.
 */
public record Section(String type, Location location, Map<String, Setting> settings) {

    /** One {@code key: value} with where it was written. */
    public record Setting(String key, Object value, Location location) {
        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
        }
    }

    public Section {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A section built in code (tests, defaults). */
    public static Section of(String type, Map<String, ?> values) {
        Map<String, Setting> s = new LinkedHashMap<>();
        values.forEach((k, v) -> s.put(k, new Setting(k, v, Location.UNKNOWN)));
        return new Section(type, Location.UNKNOWN, s);
    }

    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The nested sections under {@code key} (one, or a list of them); empty when absent. */
    public List<Section> sections(String key) {
        Setting s = settings.get(key);
        if (s == null) {
            return List.of();
        }
        if (s.value() instanceof Section one) {
            return List.of(one);
        }
        if (s.value() instanceof List<?> many) {
            return many.stream().filter(Section.class::isInstance).map(Section.class::cast).toList();
        }
        return List.of();
    }
}
