package dev.vigil.lvs.check;

import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CheckRunnerTest {
    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(10), Duration.ofSeconds(3), 2,
            Duration.ofSeconds(2), Duration.ZERO);

    private final VirtualTimers timers = new VirtualTimers();
    private final FakeChecker checker = new FakeChecker(timers::seconds);
    private final List<String> events = new ArrayList<>();

    private CheckRunner runner(CheckTiming timing, boolean initiallyUp, long warmupPick) {
        CheckPlan plan = new CheckPlan(Section.of("FAKE_CHECK", Map.of()), timing,
                new InetSocketAddress("192.0.2.2", 80), Optional.empty(), 7, "192.0.2.2:80");
        Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new CheckRunner(plan, checker, initiallyUp, timers, clock, bound -> Math.min(bound, warmupPick),
                new CheckRunner.Listener() {
                    @Override
                    public void stateChanged(CheckRunner r, boolean up, String reason) {
                        events.add(timers.seconds() + (up ? " up " : " down ") + reason);
                    }

                    @Override
                    public void weightChanged(CheckRunner r, int weight) {
                        events.add(timers.seconds() + " weight " + weight);
                    }
                });
    }

    @Test
    void liveServerIsRetriedBeforeItCountsAsDown() {
        CheckRunner r = runner(TIMING, true, 0);
        r.start();
        timers.advance(Duration.ofSeconds(15));
        assertThat(checker.attempts()).containsExactly(0.0, 10.0);
        checker.mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(30));
        // fails at 20, retries at 22 and 24 (retry 2), then down; next checks every delay_loop
        assertThat(checker.attempts()).containsExactly(0.0, 10.0, 20.0, 22.0, 24.0, 34.0, 44.0);
        assertThat(events).containsExactly("24.0 down connection refused");
        assertThat(r.up()).isFalse();
        assertThat(r.counters().failures()).isEqualTo(5);
        assertThat(r.counters().pluginFaults()).isZero();
    }

    @Test
    void oneGoodAttemptBringsADownServerUpAndAFlapResetsTheRetries() {
        CheckRunner r = runner(TIMING, false, 0);
        checker.mode(FakeChecker.Mode.DOWN);
        r.start();
        timers.advance(Duration.ofSeconds(5));
        checker.mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(6));
        assertThat(events).containsExactly("10.0 up ok");
        checker.mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(12)); // fails at 20, retry at 22
        checker.mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(20)); // 24 passes: still up, failures reset
        assertThat(events).containsExactly("10.0 up ok");
        assertThat(checker.attempts()).containsExactly(0.0, 10.0, 20.0, 22.0, 24.0, 34.0);
    }

    @Test
    void warmupDelaysTheFirstAttemptByARandomAmount() {
        CheckTiming warm = new CheckTiming(Duration.ofSeconds(10), Duration.ofSeconds(3), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(8));
        CheckRunner r = runner(warm, true, Duration.ofMillis(6500).toNanos());
        r.start();
        timers.advance(Duration.ofSeconds(20));
        assertThat(checker.attempts()).containsExactly(6.5, 16.5);
        assertThat(checker.targets().get(0).timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(checker.targets().get(0).deadline()).isEqualTo(Instant.parse("2024-01-01T00:00:03Z"));
        assertThat(checker.targets().get(0).fwmark()).isEqualTo(7);
    }

    @Test
    void aHangingCheckerFailsAtItsDeadlineNeverOverlapsAndItsLateAnswerIsIgnored() {
        CheckRunner r = runner(TIMING, true, 0);
        checker.mode(FakeChecker.Mode.HANG);
        r.start();
        timers.advance(Duration.ofMillis(3900));
        assertThat(events).isEmpty();
        timers.advance(Duration.ofMillis(200)); // deadline at 3, given up at 4: failure 1, retry at 6
        timers.advance(Duration.ofSeconds(4)); // 6 and 8: skipped, the stage is still pending -> down at 8
        assertThat(checker.attempts()).containsExactly(0.0);
        assertThat(events).containsExactly("8.0 down previous check still running");
        checker.hung().get(0).complete(CheckResult.up("too late", Duration.ofSeconds(8)));
        timers.advance(Duration.ofMillis(1));
        assertThat(r.up()).isFalse();
        CheckCounters c = r.counters();
        assertThat(c.timeouts()).isEqualTo(1);
        assertThat(c.skipped()).isEqualTo(2);
        assertThat(c.late()).isEqualTo(1);
        checker.mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(10)); // next attempt at 18 runs and passes
        assertThat(checker.attempts()).containsExactly(0.0, 18.0);
        assertThat(events).last().isEqualTo("18.0 up ok");
    }

    @Test
    void aThrowingCheckerCountsAsAFailureAndAFault() {
        CheckRunner r = runner(TIMING, true, 0);
        checker.mode(FakeChecker.Mode.THROW);
        r.start();
        timers.advance(Duration.ofSeconds(5));
        assertThat(events).containsExactly("4.0 down checker error: boom");
        assertThat(r.counters().threw()).isEqualTo(3);
    }

    @Test
    void anExceptionalStageIsAFailure() {
        CheckRunner r = runner(TIMING, false, 0);
        checker.mode(FakeChecker.Mode.HANG);
        r.start();
        timers.advance(Duration.ZERO);
        checker.hung().get(0).completeExceptionally(new java.io.IOException("plugin bug"));
        timers.advance(Duration.ofSeconds(1));
        assertThat(r.counters().threw()).isEqualTo(1);
        assertThat(r.lastMessage()).isEqualTo("checker error: plugin bug");
        assertThat(r.counters().timeouts()).isZero();
    }

    @Test
    void dynamicWeightsAreReportedAndSuspendStopsAttempts() {
        CheckRunner r = runner(TIMING, true, 0);
        checker.weight(5);
        r.start();
        timers.advance(Duration.ofSeconds(1));
        assertThat(events).containsExactly("0.0 weight 5");
        r.suspend();
        timers.advance(Duration.ofSeconds(60));
        assertThat(checker.attempts()).containsExactly(0.0);
        r.resume();
        timers.advance(Duration.ofSeconds(1));
        assertThat(checker.attempts()).containsExactly(0.0, 61.0);
        r.close();
        timers.advance(Duration.ofSeconds(60));
        assertThat(checker.attempts()).hasSize(2);
        assertThat(checker.closed()).isTrue();
    }
}
