package dev.vigil.plugin;

import java.util.Objects;

/**
 * One mistake in a configuration section, printed as {@code FILE:LINE:COL: message (hint)}.
 *
 * @param hint what to do about it ("did you mean 'connect_timeout'?"), or null
 */
public record ConfigProblem(Location location, String message, String hint) {
    public ConfigProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    public static ConfigProblem at(Location location, String message) {
        return new ConfigProblem(location, message, null);
    }

    @Override
    public String toString() {
        return location + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }
}
