package dev.vigil.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link Section} with conversions and defaults, collecting every problem instead of
 * stopping at the first: read all settings, then {@link #finish()} reports unknown keys (with a
 * "did you mean") and returns the problems. Numbers and booleans may be written as text
 * (keepalived.conf) or typed (YAML); durations are seconds, fractions allowed.
 */
public final class SectionReader {
    private final Section section;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> known = new HashSet<>();

    public SectionReader(Section section) {
        this.section = section;
    }

    public Section section() {
        return section;
    }

    public Optional<String> string(String key) {
        known.add(key);
        return section.setting(key).map(s -> text(s.value()));
    }

    public String string(String key, String dflt) {
        return string(key).orElse(dflt);
    }

    /** A required string: a problem at the section when missing. */
    public String required(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            problems.add(ConfigProblem.at(section.location(), section.type() + " needs '" + key + "'"));
            return "";
        }
        return v.get();
    }

    public long integer(String key, long dflt, long min, long max) {
        known.add(key);
        Optional<Section.Setting> s = section.setting(key);
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text(s.get().value()).trim());
            if (v >= min && v <= max) {
                return v;
            }
            problem(s.get(), "'" + key + "' must be between " + min + " and " + max + ", not " + v);
        } catch (NumberFormatException e) {
            problem(s.get(), "'" + key + "' must be a whole number, not '" + text(s.get().value()) + "'");
        }
        return dflt;
    }

    public boolean bool(String key, boolean dflt) {
        known.add(key);
        Optional<Section.Setting> s = section.setting(key);
        if (s.isEmpty()) {
            return dflt;
        }
        String t = text(s.get().value()).trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "true", "yes", "on", "1", "" -> {
                return true;
            }
            case "false", "no", "off", "0" -> {
                return false;
            }
            default -> {
                problem(s.get(), "'" + key + "' must be true or false, not '" + t + "'");
                return dflt;
            }
        }
    }

    /** A duration in seconds ({@code 5}, {@code 0.5}); must be positive. */
    public Duration seconds(String key, Duration dflt) {
        known.add(key);
        Optional<Section.Setting> s = section.setting(key);
        if (s.isEmpty()) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text(s.get().value()).trim());
            if (v > 0 && v < 1e9) {
                return Duration.ofNanos(Math.round(v * 1e9));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(s.get(), "'" + key + "' must be a positive number of seconds, not '" + text(s.get().value()) + "'");
        return dflt;
    }

    /** Nested sections under {@code key}; their keys are the caller's to check. */
    public List<Section> sections(String key) {
        known.add(key);
        return section.sections(key);
    }

    /** Records a problem with the setting {@code key} (or the section when it is absent). */
    public void problem(String key, String message) {
        Optional<Section.Setting> s = section.setting(key);
        problems.add(ConfigProblem.at(s.map(Section.Setting::location).orElse(section.location()), message));
    }

    private void problem(Section.Setting s, String message) {
        problems.add(ConfigProblem.at(s.location(), message));
    }

    /** Every problem found, unknown keys included. */
    public List<ConfigProblem> finish() {
        for (Section.Setting s : section.settings().values()) {
            if (!known.contains(s.key())) {
                String near = closest(s.key(), known);
                problems.add(new ConfigProblem(s.location(), "unknown key '" + s.key() + "' in " + section.type(),
                        near == null ? null : "did you mean '" + near + "'?"));
            }
        }
        return List.copyOf(problems);
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            return String.join(" ", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    /** The candidate nearest to {@code word} by edit distance, when near enough to be a typo. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
