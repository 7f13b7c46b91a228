package dev.vigil.healthcheck.http;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;

/** {@code HTTP_GET}: {@code url {...}} blocks, {@code http_protocol}, {@code virtualhost}, {@code fast_recovery}. */
@Extension
public final class HttpGetFactory extends CheckerFactory<HttpSettings> {
    public HttpGetFactory() {
        super("HTTP_GET");
    }

    @Override
    protected HttpSettings read(SectionReader r, List<ConfigProblem> nested) {
        return HttpFactorySupport.read(r, nested, Optional.empty());
    }

    @Override
    protected HealthChecker create(HttpSettings settings, PluginContext context) {
        return new HttpChecker(settings, Transport.shared(), context.clock());
    }
}
