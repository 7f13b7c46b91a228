package dev.vigil.plugin.check;

import java.util.concurrent.CompletionStage;

/**
 * Checks one real server. {@link #check} starts one attempt and returns at once; the stage
 * completes with a {@link CheckResult} (a failed check is a result, not an exception). It should
 * finish by {@link CheckTarget#deadline()}: the host counts a late or failed stage as a failure
 * of the plugin, logs it, and never waits for it. Attempts of one checker never overlap.
 */
public interface HealthChecker extends AutoCloseable {
    CompletionStage<CheckResult> check(CheckTarget target);

    /** Releases what the checker holds (connections, processes). */
    @Override
    default void close() {
    }
}
