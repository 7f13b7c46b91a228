package dev.vigil.healthcheck.net;

import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import io.netty.channel.Channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One check attempt: a result that completes once, by the target's deadline at the latest. A
 * timer set at the start ends the attempt at the deadline (a failure unless the checker says
 * otherwise); finishing closes the attempt's current channel and runs its clean-up.
 */
public final class Attempt {
    private final CheckTarget target;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<CheckResult> result = new CompletableFuture<>();
    private volatile Channel channel;

    /**
     * Starts an attempt whose deadline timer runs on {@code timer}; {@code atDeadline} gives the
     * result when the deadline comes first.
     */
    public Attempt(CheckTarget target, Clock clock, ScheduledExecutorService timer,
                   Function<Attempt, CheckResult> atDeadline) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(atDeadline, "atDeadline");
        ScheduledFuture<?> t = timer.schedule(() -> finish(atDeadline.apply(this)), remaining().toNanos(),
                TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> t.cancel(false));
    }

    /** An attempt that fails at the deadline with {@code reason}. */
    public Attempt(CheckTarget target, Clock clock, ScheduledExecutorService timer, String reason) {
        this(target, clock, timer, a -> CheckResult.down(reason, a.elapsed()));
    }

    /** An attempt that fails at the deadline with "no answer within ...". */
    public Attempt(CheckTarget target, Clock clock, ScheduledExecutorService timer) {
        this(target, clock, timer, "no answer within " + target.timeout().toMillis() + " ms");
    }

    public CheckTarget target() {
        return target;
    }

    /** Time left until the deadline, never negative. */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), target.deadline());
        return d.isNegative() ? Duration.ZERO : d;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public boolean done() {
        return result.isDone();
    }

    public CompletableFuture<CheckResult> future() {
        return result;
    }

    /** The channel to close when the attempt ends; closed at once if it has ended already. */
    public void attach(Channel ch) {
        channel = ch;
        if (result.isDone()) {
            ch.close();
        }
    }

    public void up(String message) {
        finish(CheckResult.up(message, elapsed()));
    }

    public void down(String message) {
        finish(CheckResult.down(message, elapsed()));
    }

    /** Ends the attempt with {@code r} unless it has ended already. */
    public void finish(CheckResult r) {
        if (result.complete(r)) {
            Channel ch = channel;
            if (ch != null) {
                ch.close();
            }
        }
    }

    /** Runs {@code cleanUp} once the attempt has ended, however it ended. */
    public void onEnd(Runnable cleanUp) {
        result.whenComplete((r, e) -> cleanUp.run());
    }
}
