package dev.vigil.healthcheck.misc;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code MISC_CHECK}: {@code misc_path} (required), {@code misc_timeout} (seconds),
 * {@code misc_dynamic} and {@code user NAME [GROUP]}.
 */
@Extension
public final class MiscCheckFactory extends CheckerFactory<MiscSettings> {
    public MiscCheckFactory() {
        super("MISC_CHECK");
    }

    @Override
    protected MiscSettings read(SectionReader r, List<ConfigProblem> nested) {
        String path = unquote(r.required("misc_path"));
        if (r.section().setting("misc_path").isPresent() && path.isBlank()) {
            r.problem("misc_path", "misc_path is empty");
        }
        Optional<Duration> timeout = r.section().setting("misc_timeout")
                .map(s -> r.seconds("misc_timeout", Duration.ofSeconds(1)));
        boolean dynamic = r.bool("misc_dynamic", false);
        Optional<String> user = Optional.empty();
        Optional<String> group = Optional.empty();
        Optional<String> userLine = r.string("user");
        if (userLine.isPresent()) {
            String[] words = userLine.get().trim().split("\\s+");
            if (words.length > 2 || words[0].isEmpty()) {
                r.problem("user", "user takes a user name and an optional group name");
            } else {
                user = Optional.of(words[0]);
                group = words.length == 2 ? Optional.of(words[1]) : Optional.empty();
            }
        }
        return new MiscSettings(path, timeout, dynamic, user, group);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    @Override
    protected HealthChecker create(MiscSettings settings, PluginContext context) {
        return new MiscChecker(settings, context);
    }
}
