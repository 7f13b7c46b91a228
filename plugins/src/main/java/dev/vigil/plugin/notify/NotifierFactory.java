package dev.vigil.plugin.notify;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import org.pf4j.ExtensionPoint;

import java.util.List;

/** Makes notifiers of one type ({@code script}, {@code fifo}, {@code email}, {@code webhook}...). */
public interface NotifierFactory extends ExtensionPoint {
    /** The section type this factory handles. */
    String type();

    /** Every problem in {@code section}; empty when it is valid. Must not do I/O. */
    List<ConfigProblem> validate(Section section);

    Notifier create(Section section, PluginContext context);
}
