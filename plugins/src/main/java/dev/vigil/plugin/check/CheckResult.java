package dev.vigil.plugin.check;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of one check attempt.
 *
 * @param healthy  whether the real server passed
 * @param message  why, for logs and status (e.g. {@code HTTP status 503, expected 200-299})
 * @param duration how long the attempt took
 * @param weight   a new weight for the real server, as keepalived's {@code misc_dynamic} exit
 *                 codes give; empty to leave the weight alone
 */
public record CheckResult(boolean healthy, String message, Duration duration, OptionalInt weight) {
    public CheckResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(weight, "weight");
    }

    public static CheckResult up(String message, Duration duration) {
        return new CheckResult(true, message, duration, OptionalInt.empty());
    }

    public static CheckResult down(String message, Duration duration) {
        return new CheckResult(false, message, duration, OptionalInt.empty());
    }

    /** This result with a dynamic weight. */
    public CheckResult withWeight(int newWeight) {
        return new CheckResult(healthy, message, duration, OptionalInt.of(newWeight));
    }
}
