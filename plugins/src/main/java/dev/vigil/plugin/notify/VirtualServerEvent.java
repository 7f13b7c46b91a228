package dev.vigil.plugin.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual server gained or lost its quorum of healthy real servers (keepalived's
 * {@code quorum_up} / {@code quorum_down}).
 */
public record VirtualServerEvent(long sequence, Instant time, String node, String virtualServer, boolean quorumUp)
        implements Event {
    public VirtualServerEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(virtualServer, "virtualServer");
    }
}
