package dev.vigil.lvs.check;

/**
 * What one check has done so far.
 *
 * @param attempts  attempts started (or skipped because the previous one was still running)
 * @param failures  attempts that counted as failed, for any reason
 * @param threw     the checker threw or its stage completed exceptionally
 * @param timeouts  no result by the deadline
 * @param late      results that arrived after the deadline, ignored
 * @param skipped   attempts not started because the previous one had not completed
 */
public record CheckCounters(long attempts, long failures, long threw, long timeouts, long late, long skipped) {
    /** Faults of the checker itself (not of the real server). */
    public long pluginFaults() {
        return threw + timeouts + late + skipped;
    }
}
