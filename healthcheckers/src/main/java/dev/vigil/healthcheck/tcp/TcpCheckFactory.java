package dev.vigil.healthcheck.tcp;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.util.List;

/** {@code TCP_CHECK}: no keys of its own. */
@Extension
public final class TcpCheckFactory extends CheckerFactory<Boolean> {
    public TcpCheckFactory() {
        super("TCP_CHECK");
    }

    @Override
    protected Boolean read(SectionReader r, List<ConfigProblem> nested) {
        return Boolean.TRUE;
    }

    @Override
    protected HealthChecker create(Boolean settings, PluginContext context) {
        return new TcpChecker(Transport.shared(), context.clock());
    }
}
