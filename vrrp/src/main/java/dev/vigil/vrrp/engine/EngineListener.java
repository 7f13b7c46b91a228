package dev.vigil.vrrp.engine;

import dev.vigil.vrrp.notify.StateChange;

/** Hears every instance and sync-group state change (for notifiers beyond keepalived's scripts). Must not block. */
@FunctionalInterface
public interface EngineListener {
    void stateChanged(StateChange change, String from, String reason);
}
