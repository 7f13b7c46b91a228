package dev.vigil.lvs.check;

import java.time.Duration;
import java.util.Objects;

/**
 * The timers keepalived's checkers share ({@code man 5 keepalived.conf}, "real_server" options).
 *
 * @param delayLoop        time between checks of a server whose state is settled
 * @param connectTimeout   how long one attempt may take: its deadline
 * @param retry            extra attempts after a failure of a live server before it counts as down
 * @param delayBeforeRetry time between those attempts
 * @param warmup           largest random delay before the first check (zero: none)
 */
public record CheckTiming(Duration delayLoop, Duration connectTimeout, int retry, Duration delayBeforeRetry,
                          Duration warmup) {
    /** keepalived's defaults: delay_loop 60 s, connect_timeout 5 s, retry 1, delay_before_retry 1 s, warmup = delay_loop. */
    public static final CheckTiming DEFAULTS = new CheckTiming(Duration.ofSeconds(60), Duration.ofSeconds(5), 1,
            Duration.ofSeconds(1), Duration.ofSeconds(60));

    public CheckTiming {
        positive(delayLoop, "delayLoop");
        positive(connectTimeout, "connectTimeout");
        positive(delayBeforeRetry, "delayBeforeRetry");
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative() || retry < 0) {
            throw new IllegalArgumentException("negative warmup " + warmup + " or retry " + retry);
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }
}
