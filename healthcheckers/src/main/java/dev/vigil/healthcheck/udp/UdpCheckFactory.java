package dev.vigil.healthcheck.udp;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.healthcheck.net.Hex;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code UDP_CHECK}: {@code payload HEX}, {@code require_reply [HEX]}, {@code min_reply_length}
 * (0) and {@code max_reply_length} (255).
 */
@Extension
public final class UdpCheckFactory extends CheckerFactory<UdpSettings> {
    public UdpCheckFactory() {
        super("UDP_CHECK");
    }

    @Override
    protected UdpSettings read(SectionReader r, List<ConfigProblem> nested) {
        Optional<Hex> payload = hex(r, "payload", false);
        String require = r.string("require_reply", "false").trim();
        String lower = require.toLowerCase(Locale.ROOT);
        boolean flagOnly = List.of("true", "yes", "on", "").contains(lower);
        boolean required = flagOnly || !List.of("false", "no", "off").contains(lower);
        Optional<Hex> reply = required && !flagOnly ? hex(r, "require_reply", true) : Optional.empty();
        int min = (int) r.integer("min_reply_length", 0, 0, 65535);
        int max = (int) r.integer("max_reply_length", 255, 0, 65535);
        if (max < min) {
            r.problem("max_reply_length", "max_reply_length " + max + " is below min_reply_length " + min);
        }
        return new UdpSettings(payload, required, reply, min, max);
    }

    private static Optional<Hex> hex(SectionReader r, String key, boolean wildcards) {
        Optional<String> text = r.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Hex h = Hex.parse(text.get(), wildcards);
            if (h.bytes().length == 0) {
                r.problem(key, key + " has no hex digits");
                return Optional.empty();
            }
            return Optional.of(h);
        } catch (IllegalArgumentException e) {
            r.problem(key, key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    protected HealthChecker create(UdpSettings settings, PluginContext context) {
        return new UdpChecker(settings, Transport.shared(), context.clock());
    }
}
