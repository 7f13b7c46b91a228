package dev.vigil.notifiers;

import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.VrrpEvent;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which events a notifier takes, from its {@code events} setting: {@code vrrp} (instances and sync
 * groups) and {@code checker} (real servers and virtual servers' quorum); both by default.
 */
public record EventKinds(boolean vrrp, boolean checker) {
    public static final EventKinds ALL = new EventKinds(true, true);

    public boolean accepts(Event e) {
        return e instanceof VrrpEvent ? vrrp : checker;
    }

    /** Reads {@code events}: a list (or space-separated words) of {@code vrrp} and {@code checker}. */
    public static EventKinds read(SectionReader r) {
        var value = r.string("events");
        if (value.isEmpty()) {
            return ALL;
        }
        Set<String> words = new TreeSet<>();
        for (String w : value.get().split("[\\s,]+")) {
            if (!w.isBlank()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> unknown = new TreeSet<>(words);
        unknown.removeAll(Set.of("vrrp", "checker"));
        if (!unknown.isEmpty() || words.isEmpty()) {
            r.problem("events", "'events' takes vrrp and/or checker, not " + (words.isEmpty() ? "nothing" : unknown));
            return ALL;
        }
        return new EventKinds(words.contains("vrrp"), words.contains("checker"));
    }
}
