package dev.vigil.lvs.check;

import java.time.Duration;

/**
 * The event loop the LVS side runs on: a monotonic clock and timers whose tasks run one at a time
 * on one thread, so state touched only from tasks needs no locking. The daemon adapts its event
 * loop; tests adapt a virtual clock.
 */
public interface LoopTimers {
    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} on the loop after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the loop as soon as possible; callable from any thread. */
    void execute(Runnable task);

    /** A scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task; no effect when it ran already. */
        void cancel();
    }
}
