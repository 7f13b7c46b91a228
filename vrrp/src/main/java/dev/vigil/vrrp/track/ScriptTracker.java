package dev.vigil.vrrp.track;

import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.script.ScriptRunner;
import dev.vigil.vrrp.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code vrrp_script}: runs its command every {@code interval} through a {@link ScriptRunner}
 * and turns exit statuses into up/down with hysteresis: {@code rise} consecutive successes bring
 * a down script up, {@code fall} consecutive failures bring an up script down (a timeout or a
 * failed start is a failure). It starts up, or down with {@code init_fail}. A run still going when
 * the next is due is not doubled: that turn is skipped and counted. Results come back on the loop.
 */
public final class ScriptTracker extends BaseTracked implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptTracker.class);

    private final List<String> argv;
    private final Duration interval;
    private final Duration timeout;
    private final int rise;
    private final int fall;
    private final String user;
    private final ScriptRunner runner;
    private final Scheduler loop;

    private int successes;
    private int failures;
    private boolean running;
    private boolean started;
    private boolean closed;
    private long skipped;
    private Scheduler.Timer timer;

    /**
     * @param timeout how long a run may take; {@code null} means {@code interval}
     * @param user    the user to run as, or {@code null} for the current user
     */
    public ScriptTracker(String name, List<String> argv, Duration interval, Duration timeout, int rise, int fall,
                         boolean initFail, String user, ScriptRunner runner, Scheduler loop) {
        super(name, initFail ? TrackStatus.DOWN : TrackStatus.UP);
        this.argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        this.interval = Objects.requireNonNull(interval, "interval");
        this.timeout = timeout == null ? interval : timeout;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.loop = Objects.requireNonNull(loop, "loop");
        if (this.argv.isEmpty()) {
            throw new IllegalArgumentException("vrrp_script " + name + ": empty command");
        }
        if (interval.isNegative() || interval.isZero() || this.timeout.isNegative() || this.timeout.isZero()) {
            throw new IllegalArgumentException("vrrp_script " + name + ": interval and timeout must be positive");
        }
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("vrrp_script " + name + ": rise and fall must be >= 1");
        }
        this.rise = rise;
        this.fall = fall;
        this.user = user;
    }

    /** Starts running the script: first run now, then every interval. Callable from any thread. */
    public void start() {
        Loops.onLoop(loop, () -> {
            if (!started && !closed) {
                started = true;
                tick();
            }
        });
    }

    private void tick() {
        if (closed) {
            return;
        }
        timer = loop.schedule(interval, this::tick);
        if (running) {
            skipped++;
            LOG.debug("VRRP_Script({}) still running, this turn skipped", name());
            return;
        }
        running = true;
        runner.run(argv, timeout, user).whenComplete((r, e) -> {
            ScriptResult result = r != null ? r : ScriptResult.failedToStart(String.valueOf(e));
            loop.execute(() -> completed(result));
        });
    }

    private void completed(ScriptResult r) {
        running = false;
        if (closed) {
            return;
        }
        if (r.success()) {
            successes++;
            failures = 0;
            if (!status().up() && successes >= rise) {
                change(TrackStatus.UP, "succeeded");
            }
        } else {
            failures++;
            successes = 0;
            if (status().up() && failures >= fall) {
                change(TrackStatus.DOWN, "failed (" + r.detail() + ")");
            }
        }
    }

    private void change(TrackStatus next, String why) {
        LOG.info("VRRP_Script({}) {}", name(), why);
        publish(next);
    }

    /** Turns skipped because the previous run was still going. */
    public long skippedRuns() {
        return skipped;
    }

    /** Stops scheduling runs; a run in progress finishes (or times out) and its result is ignored. */
    @Override
    public void close() {
        Loops.onLoop(loop, () -> {
            closed = true;
            if (timer != null) {
                timer.cancel();
            }
        });
    }
}
