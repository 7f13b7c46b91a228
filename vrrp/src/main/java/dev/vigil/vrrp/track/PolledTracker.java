package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A tracked object read by polling: every interval a blocking {@link #probe()} runs on the I/O
 * executor, never on the loop, and its result comes back to {@link #take} on the loop. A probe
 * still running when the next is due is not doubled.
 *
 * @param <R> what one probe finds
 */
abstract class PolledTracker<R> extends BaseTracked implements AutoCloseable {
    private final Duration pollInterval;
    private final Executor io;
    final Scheduler loop;
    private boolean probing;
    private boolean started;
    boolean closed;
    private Scheduler.Timer timer;

    PolledTracker(String kind, String name, TrackStatus initial, Duration pollInterval, Executor io, Scheduler loop) {
        super(name, initial);
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.io = Objects.requireNonNull(io, "io");
        this.loop = Objects.requireNonNull(loop, "loop");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(kind + " " + name + ": poll interval must be positive");
        }
    }

    /** Probes now and then every poll interval. Callable from any thread. */
    public final void start() {
        Loops.onLoop(loop, () -> {
            if (!started && !closed) {
                started = true;
                poll();
            }
        });
    }

    /** Reads the tracked thing; blocking allowed. Null: nothing usable this time (already logged). */
    abstract R probe();

    /** Applies a probe's result, on the loop. */
    abstract void take(R result);

    /** Called on the loop when the tracker closes, after polling stopped. */
    void closed() {
    }

    private void poll() {
        if (closed) {
            return;
        }
        timer = loop.schedule(pollInterval, this::poll);
        if (probing) {
            return;
        }
        probing = true;
        io.execute(() -> {
            R r = probe();
            loop.execute(() -> {
                probing = false;
                if (!closed && r != null) {
                    take(r);
                }
            });
        });
    }

    /** Stops polling; a probe in progress is ignored when it ends. */
    @Override
    public final void close() {
        Loops.onLoop(loop, () -> {
            closed = true;
            if (timer != null) {
                timer.cancel();
            }
            closed();
        });
    }
}
