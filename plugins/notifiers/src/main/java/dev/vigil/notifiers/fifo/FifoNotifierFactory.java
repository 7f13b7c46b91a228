package dev.vigil.notifiers.fifo;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import org.pf4j.Extension;

import java.nio.file.Path;
import java.util.List;

/** {@code fifo}: {@code path} (required; a FIFO or a file), {@code events} ({@code vrrp}, {@code checker}). */
@Extension
public final class FifoNotifierFactory implements NotifierFactory {
    @Override
    public String type() {
        return "fifo";
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        SectionReader r = new SectionReader(section);
        r.required("path");
        EventKinds.read(r);
        return r.finish();
    }

    @Override
    public Notifier create(Section section, PluginContext context) {
        SectionReader r = new SectionReader(section);
        String path = r.required("path");
        EventKinds events = EventKinds.read(r);
        List<ConfigProblem> problems = r.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new FifoWriter(Path.of(path), events);
    }
}
