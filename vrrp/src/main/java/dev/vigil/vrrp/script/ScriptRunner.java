package dev.vigil.vrrp.script;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an external command. Scripts never run on an event loop: {@link #run} returns at once and
 * the future completes on a thread of the runner, so callers hand the result back to their loop.
 * The future never completes exceptionally: every outcome is a {@link ScriptResult}.
 */
public interface ScriptRunner {

    /**
     * Runs {@code argv} (no shell) and completes with how it ended.
     *
     * @param argv    program and arguments, not empty
     * @param timeout after this the process and its descendants are killed and the result is
     *                {@link ScriptResult.Kind#TIMED_OUT}
     * @param user    the user to run as, or {@code null} for the current user
     */
    CompletableFuture<ScriptResult> run(List<String> argv, Duration timeout, String user);
}
