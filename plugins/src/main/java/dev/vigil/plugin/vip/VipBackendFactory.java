package dev.vigil.plugin.vip;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import org.pf4j.ExtensionPoint;

import java.util.List;

/** Makes VIP backends of one type ({@code netlink}, the default; {@code exec}; a plugin's own). */
public interface VipBackendFactory extends ExtensionPoint {
    String type();

    /** Every problem in {@code section}; empty when it is valid. Must not do I/O. */
    List<ConfigProblem> validate(Section section);

    VipBackend create(Section section, PluginContext context);
}
