package dev.vigil.notifiers;

import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;

/** Events and a context for tests. */
public final class Events {
    public static final Instant T = Instant.parse("2026-12-02T10:15:30Z");

    private Events() {
    }

    public static VrrpEvent instance(long seq, String name, String from, String to, int priority) {
        return new VrrpEvent(seq, T, "lb1", false, name, from, to, priority, "master down timer");
    }

    public static VrrpEvent group(long seq, String name, String to) {
        return new VrrpEvent(seq, T, "lb1", true, name, "BACKUP", to, 0, "member");
    }

    public static RealServerEvent realServer(long seq, boolean up, String reason) {
        return new RealServerEvent(seq, T, "lb1", "[10.0.0.1]:tcp:80", "[192.168.1.2]:tcp:80", up, reason);
    }

    public static VirtualServerEvent virtualServer(long seq, boolean up) {
        return new VirtualServerEvent(seq, T, "lb1", "[10.0.0.1]:tcp:80", up);
    }

    public static PluginContext context(Path dir) {
        return new PluginContext("lb1", Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor(), Runnable::run, dir);
    }
}
