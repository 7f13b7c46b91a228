package dev.vigil.vrrp.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * keepalived's rule for the effective priority of an instance from what it tracks.
 *
 * <p>For an up/down object with weight {@code w}: {@code w == 0} puts the instance in FAULT while
 * the object is down (while it is up with {@code reverse}). A positive weight adds {@code w}
 * while the object is up; a negative weight adds {@code w} (lowers the priority) while it is
 * down; {@code reverse} negates what is added (so a positive weight lowers the priority while up).
 *
 * <p>For a {@code track_file} with value {@code v}: weight 0 means FAULT when {@code v != 0}
 * ({@code v == 0} with {@code reverse}); otherwise {@code v * w} (negated by {@code reverse}) is
 * added, a result below -253 means FAULT and one above 253 counts as 253.
 *
 * <p>The effective priority is {@code base + sum} limited to [1, 254]; an address owner (base
 * 255, RFC 5798 section 5.2.4) keeps 255 whatever it tracks, though it still goes to FAULT.
 */
public final class PriorityCalculator {
    /** Largest change one tracked object may make, as keepalived limits it. */
    public static final int MAX_DELTA = 253;

    private PriorityCalculator() {
    }

    /** The kind of tracked object, which decides how its status counts. */
    public enum Kind { SCRIPT, INTERFACE, FILE, PROCESS }

    /** One tracked object's weight and current status. */
    public record Contribution(String name, int weight, boolean reverse, TrackStatus status, Kind kind) {
        public Contribution {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The result.
     *
     * @param priority     effective priority, 1..255
     * @param fault        whether some tracked object puts the instance in FAULT
     * @param faultReasons one entry per object causing the FAULT, e.g. {@code "script chk_http down"}
     */
    public record Effective(int priority, boolean fault, List<String> faultReasons) {
        public Effective {
            faultReasons = List.copyOf(faultReasons);
        }
    }

    /** The effective priority and fault state for {@code basePriority} (1..255) and the contributions. */
    public static Effective compute(int basePriority, List<Contribution> contributions) {
        if (basePriority < 1 || basePriority > 255) {
            throw new IllegalArgumentException("priority must be 1..255: " + basePriority);
        }
        long sum = 0;
        List<String> faults = new ArrayList<>();
        for (Contribution c : contributions) {
            Long delta = c.kind() == Kind.FILE ? fileDelta(c) : upDownDelta(c);
            if (delta == null) {
                faults.add(reason(c));
            } else {
                sum += delta;
            }
        }
        int priority = basePriority == 255 ? 255 : (int) Math.max(1, Math.min(254, basePriority + sum));
        return new Effective(priority, !faults.isEmpty(), faults);
    }

    /** The change an up/down object makes, or {@code null} for FAULT. */
    private static Long upDownDelta(Contribution c) {
        boolean up = c.status().up();
        int w = c.weight();
        if (w == 0) {
            return up != c.reverse() ? 0L : null;
        }
        boolean applies = w > 0 ? up : !up;
        return applies ? (long) (c.reverse() ? -w : w) : 0L;
    }

    /** The change a track_file makes, or {@code null} for FAULT. */
    private static Long fileDelta(Contribution c) {
        long v = c.status().value();
        if (c.weight() == 0) {
            return (v == 0) != c.reverse() ? 0L : null;
        }
        long product = saturatedMultiply(v, c.weight());
        long r = c.reverse() ? -Math.max(product, -Long.MAX_VALUE) : product;
        if (r < -MAX_DELTA) {
            return null;
        }
        return Math.min(r, MAX_DELTA);
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private static String reason(Contribution c) {
        String what = c.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (c.kind() == Kind.FILE) {
            return what + " " + c.name() + " value " + c.status().value();
        }
        return what + " " + c.name() + (c.status().up() ? " up" : " down");
    }
}
