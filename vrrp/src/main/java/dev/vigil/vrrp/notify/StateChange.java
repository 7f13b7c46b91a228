package dev.vigil.vrrp.notify;

import java.util.Objects;

/**
 * A state change to report.
 *
 * @param group    a sync group ({@code GROUP}) rather than an instance ({@code INSTANCE})
 * @param name     the group's or instance's name
 * @param state    the new state in upper case: {@code MASTER}, {@code BACKUP}, {@code FAULT},
 *                 {@code STOP}, {@code DELETED}, or the event {@code MASTER_RX_LOWER_PRI}
 * @param priority the instance's effective priority (0 for groups)
 */
public record StateChange(boolean group, String name, String state, int priority) {
    public static final String MASTER = "MASTER";
    public static final String BACKUP = "BACKUP";
    public static final String FAULT = "FAULT";
    public static final String STOP = "STOP";
    public static final String DELETED = "DELETED";
    public static final String MASTER_RX_LOWER_PRI = "MASTER_RX_LOWER_PRI";

    public StateChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (state.isBlank() || !state.equals(state.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("state must be an upper-case word: " + state);
        }
    }

    /** {@code GROUP} or {@code INSTANCE}, as notify scripts and the FIFO spell it. */
    public String kind() {
        return group ? "GROUP" : "INSTANCE";
    }
}
