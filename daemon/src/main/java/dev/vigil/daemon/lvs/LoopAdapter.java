package dev.vigil.daemon.lvs;

import dev.vigil.lvs.check.LoopTimers;
import dev.vigil.vrrp.time.Scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The daemon's event loop as the LVS engine's {@link LoopTimers}, with a way to call onto it and
 * wait. Timers of a second or more (delay_loop, delay_before_retry, connect_timeout) are due on a
 * 10 ms grid, so the checks of thousands of real servers that fall due close together run in one
 * wake-up of the loop instead of one each; they run at most 10 ms late.
 */
final class LoopAdapter implements LoopTimers {
    /** Delays from this long are rounded up to the grid. */
    static final long COALESCE_FROM_NANOS = 1_000_000_000L;
    /** The grid of long timers. */
    static final long GRID_NANOS = 10_000_000L;

    private final Scheduler loop;

    LoopAdapter(Scheduler loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public long nanoTime() {
        return loop.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = delay.toNanos();
        if (nanos >= COALESCE_FROM_NANOS) {
            long now = loop.nanoTime();
            long due = now + nanos;
            nanos = (Math.floorDiv(due, GRID_NANOS) + 1) * GRID_NANOS - now;
            delay = Duration.ofNanos(nanos);
        }
        return loop.schedule(delay, task)::cancel;
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(task);
    }

    /** Runs {@code task} on the loop and returns its value; rethrows what it threw. */
    <T> T call(Supplier<T> task) {
        if (loop.inLoop()) {
            return task.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
