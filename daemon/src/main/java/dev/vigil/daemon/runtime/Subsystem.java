package dev.vigil.daemon.runtime;

import dev.vigil.conf.model.VigilConfig;

import java.util.Map;

/**
 * One part of the daemon driven by the configuration ("vrrp", "lvs"). The {@link Daemon} starts
 * subsystems in order, reloads each with the previous and next model, and closes them in reverse.
 */
public interface Subsystem extends AutoCloseable {
    /** Short lower-case name, the key of this subsystem in status output ("vrrp", "lvs"). */
    String name();

    /**
     * Starts with the first configuration.
     *
     * @throws StartupException (or any exception) with a message an operator can act on
     */
    void start(VigilConfig config) throws Exception;

    /** Applies only the difference between {@code previous} and {@code next}. */
    ReloadOutcome reload(VigilConfig previous, VigilConfig next);

    /** Current state as JSON-able values: maps, lists, strings, numbers and booleans. */
    Map<String, Object> status();

    /** Prometheus text-format lines (with their HELP and TYPE lines), or the empty string. */
    default String metrics() {
        return "";
    }

    /** Orderly stop (VRRP: priority 0 adverts, VIPs removed). Never throws for a failed cleanup step. */
    @Override
    void close();
}
