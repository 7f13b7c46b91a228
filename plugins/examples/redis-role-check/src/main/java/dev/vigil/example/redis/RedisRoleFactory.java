package dev.vigil.example.redis;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code REDIS_ROLE}: a real server is up when the Redis server on it answers {@code ROLE} with
 * the configured role. In keepalived.conf:
 *
 * <pre>
 * real_server 10.0.0.2 6379 {
 *     REDIS_ROLE {
 *         role master
 *         password s3cret
 *         connect_timeout 2
 *     }
 * }
 * </pre>
 */
@Extension
public final class RedisRoleFactory implements HealthCheckerFactory {
    public static final String TYPE = "REDIS_ROLE";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        Objects.requireNonNull(section, "section");
        SectionReader r = new SectionReader(section);
        RedisRoleSettings.read(r);
        List<ConfigProblem> problems = new ArrayList<>();
        if (!section.type().equals(TYPE)) {
            problems.add(ConfigProblem.at(section.location(), TYPE + " cannot read a " + section.type() + " section"));
        }
        problems.addAll(r.finish());
        return List.copyOf(problems);
    }

    @Override
    public HealthChecker create(Section section, PluginContext context) {
        Objects.requireNonNull(context, "context");
        List<ConfigProblem> problems = validate(section);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new RedisRoleChecker(RedisRoleSettings.read(new SectionReader(section)), context);
    }
}
