package dev.vigil.vrrp.time;

import java.time.Duration;

/**
 * The clock and timers of one event loop. Every task runs on the loop's single thread, one at a
 * time, so state touched only from tasks needs no locking. {@link EventLoop} is the real one;
 * {@link VirtualScheduler} runs tasks under a clock that tests advance.
 */
public interface Scheduler {
    /** Monotonic time in nanoseconds (origin unspecified), as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} on the loop after {@code delay} (zero or negative: as soon as possible). */
    Timer schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the loop as soon as possible; callable from any thread. */
    void execute(Runnable task);

    /** True when the caller is the loop's thread. */
    boolean inLoop();

    /** A scheduled task that may be cancelled. */
    interface Timer {
        /** Cancels the task; no effect when it ran or was cancelled already. */
        void cancel();

        /** True while the task is neither run nor cancelled. */
        boolean pending();
    }
}
