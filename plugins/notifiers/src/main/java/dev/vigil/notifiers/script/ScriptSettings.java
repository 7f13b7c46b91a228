package dev.vigil.notifiers.script;

import dev.vigil.notifiers.EventKinds;

import java.time.Duration;
import java.util.List;

/**
 * A {@code script} notifier's settings.
 *
 * @param command the command line, split into words like keepalived's (quotes group words)
 * @param timeout how long one run may take before the process and its children are killed
 * @param user    {@code USER [GROUP]} to run as (only when Vigil runs as root), or null
 */
public record ScriptSettings(List<String> command, Duration timeout, String user, EventKinds events) {
    public ScriptSettings {
        command = List.copyOf(command);
    }
}
