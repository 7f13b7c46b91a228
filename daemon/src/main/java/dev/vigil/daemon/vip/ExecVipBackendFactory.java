package dev.vigil.daemon.vip;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VipBackendFactory;
import java.time.Duration;
import java.util.List;

/**
 * {@code vip_backend: {type: exec, add: CMD, remove: CMD, timeout: SECONDS, retries: N,
 * retry_delay: SECONDS}}: virtual addresses placed by commands (cloud APIs, routers, another
 * host). {@code retries} and {@code retry_delay} are read by the host, which runs the calls.
 */
public final class ExecVipBackendFactory implements VipBackendFactory {
    /** How long a command may run by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String type() {
        return "exec";
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        SectionReader r = new SectionReader(section);
        command(r, "add");
        command(r, "remove");
        r.seconds("timeout", DEFAULT_TIMEOUT);
        RetryPolicy.read(r);
        return r.finish();
    }

    @Override
    public VipBackend create(Section section, PluginContext context) {
        SectionReader r = new SectionReader(section);
        ExecCommand add = command(r, "add");
        ExecCommand remove = command(r, "remove");
        Duration timeout = r.seconds("timeout", DEFAULT_TIMEOUT);
        RetryPolicy.read(r);
        List<ConfigProblem> problems = r.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new ExecVipBackend(add, remove, timeout);
    }

    private static ExecCommand command(SectionReader r, String key) {
        String text = r.required(key);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return ExecCommand.parse(text);
        } catch (IllegalArgumentException e) {
            r.problem(key, "'" + key + "': " + e.getMessage());
            return null;
        }
    }
}
