package dev.vigil.daemon.service;

import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.daemon.runtime.Subsystem;

import java.util.List;

/** Creates the subsystems {@code vigil run} drives, in start order; how VRRP and LVS plug in. */
@FunctionalInterface
public interface SubsystemFactory {
    /** No subsystems: the daemon serves status, reloads and stops, and drives nothing. */
    SubsystemFactory NONE = (settings, plugins) -> List.of();

    /**
     * New subsystems for one run; not yet started.
     *
     * @param plugins the plugins {@code vigil run} loaded (and validates the configuration with);
     *                the subsystems own it from here and close it last
     */
    List<Subsystem> create(RunSettings settings, PluginHost plugins);
}
