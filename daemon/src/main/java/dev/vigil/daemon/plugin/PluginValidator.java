package dev.vigil.daemon.plugin;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionValidator;
import dev.vigil.plugin.ConfigProblem;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A plugin factory's {@code validate} as the configuration loader's {@link SectionValidator}: its
 * problems become diagnostics at their {@code FILE:LINE:COL}. For checkers the shared keys are
 * checked by the host ({@link CheckKeys}) and removed before the plugin sees the section; so are
 * the notifiers' ({@link NotifierKeys}).
 */
public final class PluginValidator implements SectionValidator {
    private final SectionKind kind;
    private final String type;
    private final Function<dev.vigil.plugin.Section, List<ConfigProblem>> validate;

    public PluginValidator(SectionKind kind, String type, Function<dev.vigil.plugin.Section, List<ConfigProblem>> validate) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.validate = Objects.requireNonNull(validate, "validate");
    }

    @Override
    public SectionKind kind() {
        return kind;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void validate(Section section, Diagnostics diagnostics) {
        Set<String> skip = kind == SectionKind.CHECKER ? CheckKeys.SHARED
                : kind == SectionKind.NOTIFIER ? NotifierKeys.SHARED : Set.of();
        if (!skip.isEmpty()) {
            List<MapNode.Entry> shared = section.params().entries().stream()
                    .filter(e -> skip.contains(e.key())).toList();
            (kind == SectionKind.CHECKER ? CheckKeys.schema(type) : NotifierKeys.schema(type))
                    .validate(new Section(type, new MapNode(shared, section.params().position()), section.position()),
                            diagnostics);
        }
        List<ConfigProblem> problems;
        try {
            problems = validate.apply(PluginSections.of(section, skip));
        } catch (RuntimeException e) {
            diagnostics.error(section.position(), "the plugin handling " + type + " failed to validate it: " + e);
            return;
        }
        for (ConfigProblem p : problems) {
            diagnostics.error(PluginSections.position(p.location()), p.message(), p.hint() == null ? "" : p.hint());
        }
    }
}
