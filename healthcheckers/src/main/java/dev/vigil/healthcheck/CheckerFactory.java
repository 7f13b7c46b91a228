package dev.vigil.healthcheck;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of every built-in factory: a section is read once into settings of type {@code S},
 * collecting problems; {@link #validate} returns them and {@link #create} builds the checker from
 * the settings. The keys the host owns ({@link #HOST_KEYS}) are accepted and left alone.
 *
 * @param <S> the checker's settings
 */
public abstract class CheckerFactory<S> implements HealthCheckerFactory {
    /** Keys every checker section may hold that the host reads (timing, addresses, marks). */
    public static final List<String> HOST_KEYS = List.of("delay_loop", "retry", "delay_before_retry", "warmup",
            "connect_timeout", "connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "fwmark", "alpha",
            "log_all_failures");

    private final String type;

    protected CheckerFactory(String type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final List<ConfigProblem> validate(Section section) {
        Objects.requireNonNull(section, "section");
        List<ConfigProblem> nested = new ArrayList<>();
        SectionReader r = reader(section);
        read(r, nested);
        List<ConfigProblem> all = new ArrayList<>(r.finish());
        all.addAll(nested);
        if (!section.type().equals(type)) {
            all.add(0, ConfigProblem.at(section.location(), type + " cannot read a " + section.type() + " section"));
        }
        return List.copyOf(all);
    }

    @Override
    public final HealthChecker create(Section section, PluginContext context) {
        Objects.requireNonNull(context, "context");
        List<ConfigProblem> problems = validate(section);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return create(read(reader(section), new ArrayList<>()), context);
    }

    /** Reads this type's own keys; problems in nested sections go to {@code nested}. */
    protected abstract S read(SectionReader r, List<ConfigProblem> nested);

    /** A checker for valid {@code settings}. */
    protected abstract HealthChecker create(S settings, PluginContext context);

    private static SectionReader reader(Section section) {
        SectionReader r = new SectionReader(section);
        HOST_KEYS.forEach(r::string);
        return r;
    }
}
