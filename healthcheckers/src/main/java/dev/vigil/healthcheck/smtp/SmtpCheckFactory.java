package dev.vigil.healthcheck.smtp;

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
 * {@code SMTP_CHECK}: {@code helo_name} (the node name by default). keepalived's {@code host}
 * sub-blocks are refused: write one SMTP_CHECK per host instead.
 */
@Extension
public final class SmtpCheckFactory extends CheckerFactory<Optional<String>> {
    public SmtpCheckFactory() {
        super("SMTP_CHECK");
    }

    @Override
    protected Optional<String> read(SectionReader r, List<ConfigProblem> nested) {
        Optional<String> helo = r.string("helo_name").map(SmtpCheckFactory::unquote);
        if (helo.isPresent() && (helo.get().isBlank() || helo.get().matches(".*[\\s\\r\\n].*"))) {
            r.problem("helo_name", "helo_name must be one word, not '" + helo.get() + "'");
        }
        if (!r.sections("host").isEmpty()) {
            r.problem("host", "SMTP_CHECK 'host' blocks are not supported: write one SMTP_CHECK per host");
        }
        return helo;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    @Override
    protected HealthChecker create(Optional<String> helo, PluginContext context) {
        String name = helo.orElse(context.nodeName() == null || context.nodeName().isBlank()
                ? "localhost" : context.nodeName());
        return new SmtpChecker(name, Transport.shared(), context.clock());
    }
}
