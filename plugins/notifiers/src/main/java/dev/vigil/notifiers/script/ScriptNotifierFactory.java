package dev.vigil.notifiers.script;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;

/**
 * {@code script}: {@code command} (required), {@code timeout} (seconds, 10), {@code user}
 * ({@code USER [GROUP]}), {@code events} ({@code vrrp}, {@code checker}; both by default).
 */
@Extension
public final class ScriptNotifierFactory implements NotifierFactory {
    @Override
    public String type() {
        return "script";
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        SectionReader r = new SectionReader(section);
        read(r);
        return r.finish();
    }

    static ScriptSettings read(SectionReader r) {
        String command = r.required("command");
        if (r.section().setting("command").isPresent() && CommandWords.split(command).isEmpty()) {
            r.problem("command", "'command' is empty");
        }
        Duration timeout = r.seconds("timeout", Duration.ofSeconds(10));
        String user = r.string("user").orElse(null);
        EventKinds events = EventKinds.read(r);
        return new ScriptSettings(CommandWords.split(command), timeout, user, events);
    }

    @Override
    public Notifier create(Section section, PluginContext context) {
        SectionReader r = new SectionReader(section);
        ScriptSettings s = read(r);
        List<ConfigProblem> problems = r.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new ScriptNotifier(s, ScriptNotifier.runningAsRoot());
    }
}
