package dev.vigil.healthcheck.dns;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.handler.codec.dns.DnsRecordType;
import org.pf4j.Extension;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code DNS_CHECK}: {@code query_type} (keepalived.conf's {@code type}: A, NS, CNAME, SOA, MX,
 * TXT, AAAA; SOA by default) and {@code name} ({@code .} by default).
 */
@Extension
public final class DnsCheckFactory extends CheckerFactory<DnsQuerySettings> {
    private static final Set<String> TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA");

    public DnsCheckFactory() {
        super("DNS_CHECK");
    }

    @Override
    protected DnsQuerySettings read(SectionReader r, List<ConfigProblem> nested) {
        String type = r.string("query_type", "SOA").trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            r.problem("query_type", "query_type must be one of A, NS, CNAME, SOA, MX, TXT, AAAA, not '" + type + "'");
            type = "SOA";
        }
        String name = r.string("name", ".").trim();
        if (name.isEmpty() || name.length() > 253 || name.contains(" ")) {
            r.problem("name", "name must be a domain name, not '" + name + "'");
            name = ".";
        }
        return new DnsQuerySettings(DnsRecordType.valueOf(type), name);
    }

    @Override
    protected HealthChecker create(DnsQuerySettings settings, PluginContext context) {
        return new DnsChecker(settings, Transport.shared(), context.clock());
    }
}
