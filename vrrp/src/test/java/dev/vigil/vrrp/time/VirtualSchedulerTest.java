package dev.vigil.vrrp.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    @Test
    void runsTasksInTimeOrderAndMovesTheClock() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> seen = new ArrayList<>();
        s.schedule(Duration.ofMillis(30), () -> seen.add("c@" + s.nanoTime()));
        s.schedule(Duration.ofMillis(10), () -> seen.add("a@" + s.nanoTime()));
        s.schedule(Duration.ofMillis(10), () -> seen.add("b@" + s.nanoTime()));
        s.advance(Duration.ofMillis(20));
        assertThat(seen).containsExactly("a@10000000", "b@10000000");
        assertThat(s.nanoTime()).isEqualTo(20_000_000L);
        s.advance(Duration.ofMillis(20));
        assertThat(seen).endsWith("c@30000000");
        assertThat(s.nanoTime()).isEqualTo(40_000_000L);
    }

    @Test
    void cancelledTasksDoNotRunAndTasksMayScheduleMore() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> seen = new ArrayList<>();
        Scheduler.Timer t = s.schedule(Duration.ofSeconds(1), () -> seen.add("cancelled"));
        s.schedule(Duration.ofSeconds(1), () -> s.schedule(Duration.ofSeconds(1), () -> seen.add("chained")));
        t.cancel();
        assertThat(t.pending()).isFalse();
        s.advance(Duration.ofSeconds(3));
        assertThat(seen).containsExactly("chained");
        assertThat(s.pendingCount()).isZero();
    }

    @Test
    void eventLoopRunsOnItsThreadAndSurvivesAFailingTask() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop")) {
            java.util.concurrent.CompletableFuture<Boolean> inLoop = new java.util.concurrent.CompletableFuture<>();
            loop.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            loop.schedule(Duration.ofMillis(5), () -> inLoop.complete(loop.inLoop()));
            assertThat(inLoop.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(loop.inLoop()).isFalse();
        }
    }
}
