package dev.vigil.daemon.lvs;

import dev.vigil.lvs.check.LoopTimers;
import dev.vigil.vrrp.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The daemon's event loop as the LVS engine's {@link LoopTimers}, with a way to call onto it and
 * wait. Timers of a second or more (delay_loop, delay_before_retry, connect_timeout) are due on a
 * 10 ms grid, so the checks of thousands of real servers that fall due close together run in one
 * wake-up of the loop instead of one each; they run at most 10 ms late. Tasks handed over from
 * other threads (check results, mostly) queue up and run in order at the next point of the same
 * grid, with the timers due then: thousands of checks a second wake the loop about a hundred times
 * a second, not once per check. Tasks posted from the loop itself run as soon as it is free.
 */
final class LoopAdapter implements LoopTimers {
    /** Delays from this long are rounded up to the grid. */
    static final long COALESCE_FROM_NANOS = 1_000_000_000L;
    /** The grid of long timers. */
    static final long GRID_NANOS = 10_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(LoopAdapter.class);

    private final Scheduler loop;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

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
            delay = untilGrid(nanos);
        }
        return loop.schedule(delay, task)::cancel;
    }

    /** The time from now to the first grid point at least {@code nanos} away. */
    private Duration untilGrid(long nanos) {
        long now = loop.nanoTime();
        return Duration.ofNanos((Math.floorDiv(now + nanos, GRID_NANOS) + 1) * GRID_NANOS - now);
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (loop.inLoop()) {
            loop.execute(task);
            return;
        }
        inbox.add(task);
        if (draining.compareAndSet(false, true)) {
            loop.schedule(untilGrid(0), this::drain);
        }
    }

    private void drain() {
        draining.set(false);
        for (Runnable task; (task = inbox.poll()) != null; ) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("LVS loop task failed", e);
            }
        }
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
