package dev.vigil.daemon.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Nearest-rank percentiles of failover times in milliseconds. With 20 samples p99 is the largest.
 *
 * @param samples the times, in the order measured
 */
public record Summary(List<Double> samples) {
    public Summary {
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
    }

    /** The {@code p}th percentile (0 < p <= 100), nearest rank: the smallest sample with p% at or below it. */
    public double percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(rank - 1);
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public int count() {
        return samples.size();
    }
}
