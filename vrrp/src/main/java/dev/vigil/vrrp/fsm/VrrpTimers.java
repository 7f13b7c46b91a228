package dev.vigil.vrrp.fsm;

import java.time.Duration;

/**
 * The timer arithmetic of RFC 5798 section 6.1 (VRRPv3, centiseconds) and RFC 3768 section 6.1
 * (VRRPv2, seconds). Results are exact to the nanosecond (truncated below it).
 */
public final class VrrpTimers {
    private static final long NANOS_PER_CENTI = 10_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private VrrpTimers() {
    }

    /**
     * Skew_Time. v3 (RFC 5798 6.1): {@code ((256 - Priority) * Master_Adver_Interval) / 256}
     * centiseconds; v2 (RFC 3768 6.1): {@code (256 - Priority) / 256} seconds, where the interval
     * does not enter.
     */
    public static Duration skewTime(int version, int priority, int masterAdvertIntervalCentis) {
        check(version, priority, masterAdvertIntervalCentis);
        long weight = 256L - priority;
        if (version == 2) {
            return Duration.ofNanos(weight * NANOS_PER_SECOND / 256);
        }
        return Duration.ofNanos(weight * masterAdvertIntervalCentis * NANOS_PER_CENTI / 256);
    }

    /**
     * Master_Down_Interval = {@code 3 * Master_Adver_Interval + Skew_Time} (RFC 5798 6.1; RFC 3768
     * 6.1 with Advertisement_Interval).
     */
    public static Duration masterDownInterval(int version, int priority, int masterAdvertIntervalCentis) {
        Duration three = Duration.ofNanos(3L * masterAdvertIntervalCentis * NANOS_PER_CENTI);
        return three.plus(skewTime(version, priority, masterAdvertIntervalCentis));
    }

    private static void check(int version, int priority, int centis) {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3, not " + version);
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0..255, not " + priority);
        }
        if (centis < 0) {
            throw new IllegalArgumentException("advert interval must not be negative: " + centis);
        }
    }
}
