package dev.vigil.lvs.engine;

import dev.vigil.lvs.check.CheckCounters;
import dev.vigil.lvs.check.CheckLatency;

import java.util.Objects;

/**
 * One checker of one real server as metrics see it.
 *
 * @param type        the checker type ({@code TCP_CHECK}, {@code HTTP_GET}, ...)
 * @param up          the checker's own verdict
 * @param counters    attempts, failures and the checker's own faults
 * @param latency     durations of the results that arrived in time
 */
public record CheckStatus(String virtualServer, String realServer, String type, boolean up, CheckCounters counters,
                          CheckLatency.Snapshot latency) {
    public CheckStatus {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(realServer, "realServer");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(latency, "latency");
    }
}
