package dev.vigil.plugin.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A real server went up or down by its health checks.
 *
 * @param virtualServer as keepalived names it: {@code 10.0.0.1:80}, {@code FWM 7}, or the group name
 * @param realServer    {@code 192.168.1.2:80}
 * @param up            the new health
 * @param reason        the check's message
 */
public record RealServerEvent(long sequence, Instant time, String node, String virtualServer, String realServer,
                              boolean up, String reason) implements Event {
    public RealServerEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(realServer, "realServer");
        Objects.requireNonNull(reason, "reason");
    }
}
