package dev.vigil.healthcheck.ping;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.util.List;

/** {@code PING_CHECK}: no keys of its own. */
@Extension
public final class PingCheckFactory extends CheckerFactory<Boolean> {
    public PingCheckFactory() {
        super("PING_CHECK");
    }

    @Override
    protected Boolean read(SectionReader r, List<ConfigProblem> nested) {
        return Boolean.TRUE;
    }

    @Override
    protected HealthChecker create(Boolean settings, PluginContext context) {
        return new PingChecker(context);
    }
}
