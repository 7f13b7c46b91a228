package dev.vigil.lvs.check;

import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.LongUnaryOperator;

/**
 * Runs one checker of one real server with keepalived's timers: a random first delay up to
 * {@code warmup}, then an attempt every {@code delay_loop}; a live server that fails is retried
 * {@code retry} times, {@code delay_before_retry} apart, before it counts as down; a down server
 * comes up on its first good attempt. A checker that throws, completes exceptionally, gives no
 * result by {@code connect_timeout} (plus {@link #GRACE}, so that a checker keeping its own deadline
 * reports its own reason) or answers late is counted, logged and taken as a failure; nothing here
 * ever waits for it. Attempts never overlap: while a stage is still pending, the
 * next attempt is skipped and fails. Confined to the loop of {@link LoopTimers}.
 */
public final class CheckRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
    /** How long after the target's deadline a checker that has not answered is given up. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    /** Hears the check's transitions and dynamic weights; called on the loop. */
    public interface Listener {
        void stateChanged(CheckRunner runner, boolean up, String reason);

        void weightChanged(CheckRunner runner, int weight);
    }

    private final CheckPlan plan;
    private final HealthChecker checker;
    private final LoopTimers timers;
    private final Clock clock;
    private final LongUnaryOperator random;
    private final Listener listener;
    private boolean up;
    private int failedAttempts;
    private long attemptSeq;
    private boolean inFlight;
    private boolean timedOut;
    private boolean running;
    private LoopTimers.Cancellable next;
    private LoopTimers.Cancellable deadline;
    private String lastMessage = "not checked yet";
    private long attempts, failures, threw, timeouts, late, skipped;
    private final CheckLatency latency = new CheckLatency();

    /**
     * @param initiallyUp the state before any attempt (keepalived: down with {@code alpha})
     * @param random      a random value in {@code [0, bound]} for a bound, for the warmup delay
     */
    public CheckRunner(CheckPlan plan, HealthChecker checker, boolean initiallyUp, LoopTimers timers, Clock clock,
                       LongUnaryOperator random, Listener listener) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.up = initiallyUp;
    }

    /** Starts checking after the warmup delay. */
    public void start() {
        running = true;
        long warm = plan.timing().warmup().toNanos();
        schedule(Duration.ofNanos(warm == 0 ? 0 : random.applyAsLong(warm)));
    }

    /** Stops scheduling attempts (ha_suspend); the state stays as it is. */
    public void suspend() {
        running = false;
        cancelNext();
    }

    /** Resumes after {@link #suspend}, with an attempt at once. */
    public void resume() {
        if (!running) {
            running = true;
            schedule(Duration.ZERO);
        }
    }

    public boolean up() {
        return up;
    }

    public CheckPlan plan() {
        return plan;
    }

    public String lastMessage() {
        return lastMessage;
    }

    public CheckCounters counters() {
        return new CheckCounters(attempts, failures, threw, timeouts, late, skipped);
    }

    /** The durations the checker reported for the results that arrived in time. */
    public CheckLatency.Snapshot latency() {
        return latency.snapshot();
    }

    private void schedule(Duration delay) {
        cancelNext();
        if (running) {
            next = timers.schedule(delay, this::attempt);
        }
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void attempt() {
        next = null;
        if (!running) {
            return;
        }
        attempts++;
        if (inFlight) {
            skipped++;
            LOG.warn("{} {}: previous check still running, counted as failed", plan.realServer(), plan.type());
            failed("previous check still running");
            return;
        }
        long seq = ++attemptSeq;
        Duration timeout = plan.timing().connectTimeout();
        CheckTarget target = new CheckTarget(plan.address(), plan.bindTo(), plan.fwmark(), timeout,
                clock.instant().plus(timeout), plan.realServer());
        CompletionStage<CheckResult> stage;
        try {
            stage = Objects.requireNonNull(checker.check(target), "the checker returned no stage");
        } catch (RuntimeException e) {
            threw++;
            LOG.warn("{} {}: checker threw {}", plan.realServer(), plan.type(), e.toString());
            failed("checker error: " + e.getMessage());
            return;
        }
        inFlight = true;
        timedOut = false;
        deadline = timers.schedule(timeout.plus(GRACE), () -> deadlinePassed(seq));
        stage.whenComplete((r, ex) -> timers.execute(() -> completed(seq, r, ex)));
    }

    private void deadlinePassed(long seq) {
        if (seq != attemptSeq || !inFlight) {
            return;
        }
        timedOut = true;
        timeouts++;
        LOG.warn("{} {}: no result within {} ms (connect_timeout and {} ms)", plan.realServer(), plan.type(),
                plan.timing().connectTimeout().plus(GRACE).toMillis(), GRACE.toMillis());
        failed("no result within connect_timeout");
    }

    private void completed(long seq, CheckResult result, Throwable error) {
        if (seq != attemptSeq) {
            return;
        }
        inFlight = false;
        if (timedOut) {
            late++;
            LOG.warn("{} {}: result arrived after the deadline, ignored", plan.realServer(), plan.type());
            return;
        }
        if (deadline != null) {
            deadline.cancel();
        }
        if (error != null || result == null) {
            threw++;
            String why = error == null ? "no result" : String.valueOf(error.getMessage());
            LOG.warn("{} {}: check failed with {}", plan.realServer(), plan.type(), why);
            failed("checker error: " + why);
        } else if (result.healthy()) {
            latency.observe(result.duration().toNanos() / 1e9);
            succeeded(result);
        } else {
            latency.observe(result.duration().toNanos() / 1e9);
            failed(result.message());
        }
    }

    private void succeeded(CheckResult result) {
        failedAttempts = 0;
        lastMessage = result.message();
        result.weight().ifPresent(w -> listener.weightChanged(this, w));
        if (!up) {
            up = true;
            listener.stateChanged(this, true, result.message());
        }
        schedule(plan.timing().delayLoop());
    }

    private void failed(String message) {
        failures++;
        lastMessage = message;
        if (!up) {
            schedule(plan.timing().delayLoop());
            return;
        }
        failedAttempts++;
        if (failedAttempts <= plan.timing().retry()) {
            schedule(plan.timing().delayBeforeRetry());
            return;
        }
        failedAttempts = 0;
        up = false;
        listener.stateChanged(this, false, message);
        schedule(plan.timing().delayLoop());
    }

    /** Stops checking and closes the checker; a pending stage is left to finish on its own. */
    @Override
    public void close() {
        running = false;
        cancelNext();
        if (deadline != null) {
            deadline.cancel();
        }
        attemptSeq++;
        try {
            checker.close();
        } catch (RuntimeException e) {
            LOG.warn("{} {}: close failed: {}", plan.realServer(), plan.type(), e.toString());
        }
    }
}
