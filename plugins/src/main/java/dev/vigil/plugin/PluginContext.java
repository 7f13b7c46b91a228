package dev.vigil.plugin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the host gives a plugin: immutable, and nothing of the framework's internals.
 *
 * @param nodeName  this node's name (keepalived's {@code router_id}; the host name by default)
 * @param clock     the host's clock; tests run plugins under a virtual one
 * @param scheduler for timers; tasks must be short and must not block
 * @param blocking  for work that blocks (processes, blocking I/O); bounded by the host
 * @param workDir   a directory the plugin may write to, kept across restarts
 */
public record PluginContext(String nodeName, Clock clock, ScheduledExecutorService scheduler, Executor blocking,
                            Path workDir) {
}
