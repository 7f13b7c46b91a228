package dev.vigil.lvs.engine;

import dev.vigil.kernel.ipvs.Timeouts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the LVS engine runs.
 *
 * @param timeouts     keepalived's {@code lvs_timeouts}, set when present
 * @param flushAtStart {@code lvs_flush}: empty the whole IPVS table at start
 * @param flushOnStop  {@code lvs_flush_onstop}: remove the managed services at stop (kept otherwise)
 */
public record LvsSpec(List<VirtualServerPlan> virtualServers, Optional<Timeouts> timeouts, boolean flushAtStart,
                      boolean flushOnStop) {
    public static final LvsSpec EMPTY = new LvsSpec(List.of(), Optional.empty(), false, false);

    public LvsSpec {
        virtualServers = List.copyOf(virtualServers);
        Objects.requireNonNull(timeouts, "timeouts");
    }
}
