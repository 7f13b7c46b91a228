package dev.vigil.daemon.plugin;

import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.Severity;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses checker, notifier and VIP backend sections whose type no loaded plugin handles, naming the types
 * that are known; the conf module alone only warns, since it cannot know what plugins exist.
 */
final class KnownTypes {
    private KnownTypes() {
    }

    static LoadResult check(LoadResult result, Set<String> checkerTypes, Set<String> notifierTypes) {
        return check(result, checkerTypes, notifierTypes, null);
    }

    /** Also refuses {@code vip_backend} types outside {@code vipBackendTypes} (null: not checked). */
    static LoadResult check(LoadResult result, Set<String> checkerTypes, Set<String> notifierTypes,
                            Set<String> vipBackendTypes) {
        VigilConfig config = result.config();
        if (config == null) {
            return result;
        }
        List<Diagnostic> added = new ArrayList<>();
        for (VirtualServer vs : config.virtualServer()) {
            for (RealServer rs : vs.realServer()) {
                rs.checkers().forEach(c -> unknown("checker", c, checkerTypes, added));
            }
        }
        config.notifiers().forEach(n -> unknown("notifier", n, notifierTypes, added));
        if (vipBackendTypes != null) {
            config.vrrpInstance().stream().filter(i -> i.vipBackend() != null)
                    .forEach(i -> unknown("vip_backend", i.vipBackend(), vipBackendTypes, added));
        }
        if (added.isEmpty()) {
            return result;
        }
        List<Diagnostic> all = new ArrayList<>(result.diagnostics().stream()
                .filter(d -> !(d.severity() == Severity.WARNING && d.message().startsWith("no validator knows"))).toList());
        all.addAll(added);
        return new LoadResult(result.format(), null, all, result.comments());
    }

    private static void unknown(String kind, Section s, Set<String> known, List<Diagnostic> out) {
        if (!known.contains(s.type())) {
            String names = known.isEmpty() ? "none (no plugin providing " + kind + "s is loaded; see --plugins-dir)"
                    : String.join(", ", new TreeSet<>(known));
            out.add(Diagnostic.error(s.position(), "unknown " + kind + " type '" + s.type() + "'", "known types: " + names));
        }
    }
}
