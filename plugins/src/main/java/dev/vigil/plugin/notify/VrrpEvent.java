package dev.vigil.plugin.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A VRRP instance or sync group changed state.
 *
 * @param group    true for a {@code vrrp_sync_group}, false for an instance (keepalived's
 *                 {@code GROUP} / {@code INSTANCE} notify argument)
 * @param name     the instance's or group's name
 * @param from     the previous state ({@code INIT}, {@code BACKUP}, {@code MASTER}, {@code FAULT})
 * @param to       the new state, or {@code STOP} when Vigil stops the instance
 * @param priority the effective priority at the change
 * @param reason   why, e.g. {@code master down timer}, {@code higher priority advert}
 */
public record VrrpEvent(long sequence, Instant time, String node, boolean group, String name, String from,
                        String to, int priority, String reason) implements Event {
    public VrrpEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
