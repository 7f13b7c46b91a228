package dev.vigil.daemon.control;

import dev.vigil.daemon.runtime.ReloadOutcome;

import java.util.Map;

/** What the control socket acts on: the running daemon. */
public interface ControlTarget {
    /** The status object sent for {@code {"cmd":"status"}}. */
    Map<String, Object> status();

    /** Reloads the configuration (serialized with other reloads). */
    ReloadOutcome reload();

    /** Asks for an orderly stop; returns at once, the stop happens after the reply is sent. */
    void requestStop();
}
