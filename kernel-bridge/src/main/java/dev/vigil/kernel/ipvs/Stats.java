package dev.vigil.kernel.ipvs;

/**
 * Traffic counters and rate estimates of a service or destination ({@code IPVS_STATS_ATTR_*}).
 * Counters are 64-bit when the kernel sends {@code *_STATS64}; rates are per second.
 */
public record Stats(long conns, long inPackets, long outPackets, long inBytes, long outBytes,
                    long cps, long inPps, long outPps, long inBps, long outBps) {
    /** All zero: new entries, and requests (which carry no counters). */
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
