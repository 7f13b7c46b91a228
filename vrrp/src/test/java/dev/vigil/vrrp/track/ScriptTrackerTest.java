package dev.vigil.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTrackerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final ScriptResult OK = ScriptResult.exited(0);
    private static final ScriptResult FAIL = ScriptResult.exited(1);

    private final VirtualScheduler loop = new VirtualScheduler();
    private final FakeScriptRunner runner = new FakeScriptRunner();
    private final List<TrackStatus> seen = new ArrayList<>();

    private ScriptTracker tracker(int rise, int fall, boolean initFail) {
        ScriptTracker t = new ScriptTracker("chk", List.of("/bin/check", "a b"), INTERVAL, Duration.ofSeconds(1),
                rise, fall, initFail, "nobody", runner, loop);
        t.subscribe(seen::add);
        t.start();
        return t;
    }

    /** Ends the run in progress with {@code r} and lets the loop take the result. */
    private void result(ScriptResult r) {
        runner.finish(r);
        loop.runDue();
    }

    private void nextRun() {
        loop.advance(INTERVAL);
    }

    @Test
    void runsEveryIntervalWithItsArgvTimeoutAndUser() {
        tracker(1, 1, false);
        assertThat(runner.calls).hasSize(1);
        result(OK);
        nextRun();
        result(OK);
        nextRun();
        assertThat(runner.calls).hasSize(3);
        FakeScriptRunner.Call c = runner.calls.get(0);
        assertThat(c.argv()).containsExactly("/bin/check", "a b");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.user()).isEqualTo("nobody");
    }

    @Test
    void fallConsecutiveFailuresBringItDownRiseSuccessesBackUp() {
        ScriptTracker t = tracker(3, 2, false);
        assertThat(t.status().up()).isTrue();
        result(FAIL);
        nextRun();
        result(OK);       // resets the failure count
        nextRun();
        result(FAIL);
        assertThat(t.status().up()).isTrue();
        nextRun();
        result(ScriptResult.timedOut("timed out after 1000 ms"));
        assertThat(t.status().up()).isFalse();
        assertThat(seen).containsExactly(TrackStatus.DOWN);

        nextRun();
        result(OK);
        nextRun();
        result(OK);
        assertThat(t.status().up()).isFalse();
        nextRun();
        result(OK);
        assertThat(t.status().up()).isTrue();
        assertThat(seen).containsExactly(TrackStatus.DOWN, TrackStatus.UP);
    }

    @Test
    void initFailStartsDownUntilRiseSuccesses() {
        ScriptTracker t = tracker(2, 1, true);
        assertThat(t.status()).isEqualTo(TrackStatus.DOWN);
        result(OK);
        assertThat(t.status().up()).isFalse();
        nextRun();
        result(OK);
        assertThat(t.status().up()).isTrue();
    }

    @Test
    void aScriptThatCannotStartCountsAsFailed() {
        ScriptTracker t = tracker(1, 1, false);
        result(ScriptResult.failedToStart("No such file or directory"));
        assertThat(t.status().up()).isFalse();
    }

    @Test
    void aSlowRunIsNotStartedTwice() {
        ScriptTracker t = tracker(1, 1, false);
        nextRun();
        nextRun();
        assertThat(runner.calls).hasSize(1);
        assertThat(t.skippedRuns()).isEqualTo(2);
        result(FAIL);
        assertThat(t.status().up()).isFalse();
        nextRun();
        assertThat(runner.calls).hasSize(2);
        assertThat(runner.pending()).isEqualTo(1);
    }

    @Test
    void closeStopsRunsAndIgnoresALateResult() {
        ScriptTracker t = tracker(1, 1, false);
        t.close();
        result(FAIL);
        nextRun();
        nextRun();
        assertThat(runner.calls).hasSize(1);
        assertThat(t.status().up()).isTrue();
        assertThat(seen).isEmpty();
    }
}
