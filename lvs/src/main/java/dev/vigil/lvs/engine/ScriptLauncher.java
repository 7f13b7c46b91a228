package dev.vigil.lvs.engine;

/**
 * Starts keepalived's notify_up / notify_down / quorum_up / quorum_down command lines. Returns at
 * once: the command runs elsewhere and its outcome is the launcher's to log. The daemon adapts
 * its process runner; tests record the lines.
 */
@FunctionalInterface
public interface ScriptLauncher {
    ScriptLauncher NONE = commandLine -> { };

    void launch(String commandLine);
}
