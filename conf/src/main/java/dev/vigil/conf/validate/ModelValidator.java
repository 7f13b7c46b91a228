package dev.vigil.conf.validate;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.bind.Suggestions;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.conf.model.VrrpInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates a bound model as a whole: references between sections, address families, VRIDs, and
 * every plugin section through its {@link SectionValidator}. Reports every problem; never throws.
 */
public final class ModelValidator {
    private final Map<SectionKind, Map<String, SectionValidator>> validators = new HashMap<>();

    /** A validator knowing keepalived's checkers and the given plugin validators. */
    public ModelValidator(List<SectionValidator> pluginValidators) {
        List<SectionValidator> all = new ArrayList<>(BuiltinCheckers.all());
        all.addAll(pluginValidators);
        for (SectionValidator v : all) {
            validators.computeIfAbsent(v.kind(), k -> new HashMap<>()).put(v.type(), v);
        }
    }

    /** Only keepalived's checkers. */
    public static ModelValidator builtin() {
        return new ModelValidator(List.of());
    }

    public void validate(VigilConfig config, Diagnostics diagnostics) {
        Objects.requireNonNull(config, "config");
        new VrrpChecks(config, diagnostics).run();
        new LvsChecks(config, diagnostics).run();
        for (VrrpInstance vi : config.vrrpInstance()) {
            if (vi.vipBackend() != null) {
                section(SectionKind.VIP_BACKEND, vi.vipBackend(), diagnostics);
            }
        }
        for (VirtualServer vs : config.virtualServer()) {
            for (RealServer rs : vs.realServer()) {
                rs.checkers().forEach(c -> section(SectionKind.CHECKER, c, diagnostics));
            }
        }
        config.notifiers().forEach(n -> section(SectionKind.NOTIFIER, n, diagnostics));
    }

    private void section(SectionKind kind, Section s, Diagnostics diagnostics) {
        Map<String, SectionValidator> known = validators.getOrDefault(kind, Map.of());
        SectionValidator v = known.get(s.type());
        if (v != null) {
            v.validate(s, diagnostics);
            return;
        }
        String hint = Suggestions.hint(s.type(), known.keySet());
        if (!hint.isEmpty()) {
            diagnostics.error(s.position(), "unknown " + kind.label() + " type '" + s.type() + "'", hint);
        } else {
            diagnostics.warning(s.position(), "no validator knows " + kind.label() + " type '" + s.type() + "'",
                    "it is checked when the plugin providing it is loaded");
        }
    }
}
