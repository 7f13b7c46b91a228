package dev.vigil.daemon.vip;

import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import java.time.Duration;

/**
 * How the host retries a failed VIP backend call: {@code retries} more attempts (default 3),
 * {@code retry_delay} apart at first (default 1 s), doubling up to 30 s. Any VIP backend section
 * may set them. A retry is dropped as soon as a newer call for the same address is waiting.
 */
public record RetryPolicy(int retries, Duration delay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1));
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Reads {@code retries} and {@code retry_delay} (marking them known to {@code r}). */
    public static RetryPolicy read(SectionReader r) {
        return new RetryPolicy((int) r.integer("retries", DEFAULT.retries, 0, 100),
                r.seconds("retry_delay", DEFAULT.delay));
    }

    /** The policy of {@code section}, defaults where it says nothing or something invalid. */
    public static RetryPolicy of(Section section) {
        return read(new SectionReader(section));
    }

    /** The pause before retry number {@code n} (1 for the first retry). */
    public Duration delayBefore(int n) {
        Duration d = delay;
        for (int i = 1; i < n && d.compareTo(MAX_DELAY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
