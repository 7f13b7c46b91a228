package dev.vigil.lvs.check;

import java.util.Arrays;

/**
 * A fixed-bucket histogram of check durations in seconds (what each {@link dev.vigil.plugin.check.CheckResult}
 * reports), safe to read from any thread.
 */
public final class CheckLatency {
    /** Bucket upper bounds, seconds: 1 ms to 10 s. */
    public static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /**
     * A copy: {@code counts[i]} observations at most {@code bounds[i]} and above the previous bound
     * (not cumulative); {@code count} includes those above the last bound.
     */
    public record Snapshot(double[] bounds, long[] counts, long count, double sum) {
        /** The sum of two snapshots with the same bounds. */
        public Snapshot plus(Snapshot o) {
            if (!Arrays.equals(bounds, o.bounds)) {
                throw new IllegalArgumentException("different buckets");
            }
            long[] c = counts.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += o.counts[i];
            }
            return new Snapshot(bounds, c, count + o.count, sum + o.sum);
        }

        public static Snapshot empty(double[] bounds) {
            return new Snapshot(bounds.clone(), new long[bounds.length], 0, 0);
        }
    }

    private final double[] bounds;
    private final long[] counts;
    private long count;
    private double sum;

    public CheckLatency() {
        this(BUCKETS);
    }

    public CheckLatency(double[] bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bounds must increase");
            }
        }
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length];
    }

    public synchronized void observe(double seconds) {
        int i = Arrays.binarySearch(bounds, seconds);
        int bucket = i >= 0 ? i : -i - 1;
        if (bucket < counts.length) {
            counts[bucket]++;
        }
        count++;
        sum += seconds;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(bounds.clone(), counts.clone(), count, sum);
    }
}
