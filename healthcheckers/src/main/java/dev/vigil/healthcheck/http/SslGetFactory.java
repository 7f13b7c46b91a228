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

/**
 * {@code SSL_GET}: HTTP_GET's keys over TLS, plus {@code enable_sni}, {@code sni NAME},
 * {@code ca_file PATH} and {@code verify_hostname}.
 */
@Extension
public final class SslGetFactory extends CheckerFactory<HttpSettings> {
    public SslGetFactory() {
        super("SSL_GET");
    }

    @Override
    protected HttpSettings read(SectionReader r, List<ConfigProblem> nested) {
        TlsSettings tls = HttpFactorySupport.tls(r);
        return HttpFactorySupport.read(r, nested, Optional.of(tls));
    }

    @Override
    protected HealthChecker create(HttpSettings settings, PluginContext context) {
        return new HttpChecker(settings, Transport.shared(), context.clock());
    }
}
