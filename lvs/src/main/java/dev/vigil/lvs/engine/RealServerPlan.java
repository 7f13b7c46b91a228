package dev.vigil.lvs.engine;

import dev.vigil.lvs.check.CheckPlan;

import java.util.List;

/**
 * The checks and notify scripts of one real server, in the order of the virtual server's
 * {@code realServers()}.
 *
 * @param notifyUp   keepalived's {@code notify_up} command line, or null
 * @param notifyDown keepalived's {@code notify_down} command line, or null
 */
public record RealServerPlan(List<CheckPlan> checks, String notifyUp, String notifyDown) {
    public RealServerPlan {
        checks = List.copyOf(checks);
    }
}
