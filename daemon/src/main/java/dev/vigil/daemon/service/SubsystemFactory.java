package dev.vigil.daemon.service;

import dev.vigil.daemon.runtime.Subsystem;

import java.util.List;

/** Creates the subsystems {@code vigil run} drives, in start order; how VRRP and LVS plug in. */
@FunctionalInterface
public interface SubsystemFactory {
    /** No subsystems: the daemon serves status, reloads and stops, and drives nothing. */
    SubsystemFactory NONE = settings -> List.of();

    /** New subsystems for one run; not yet started. */
    List<Subsystem> create(RunSettings settings);
}
