package dev.vigil.vrrp.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when a test says so. Tasks due at the same instant run
 * in the order they were scheduled. Not thread-safe: tests drive it from one thread.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private boolean running;

    /** Starts at {@code startNanos}. */
    public VirtualScheduler(long startNanos) {
        this.now = startNanos;
    }

    public VirtualScheduler() {
        this(0);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long d = Math.max(0, delay.toNanos());
        Task t = new Task(now + d, sequence++, task);
        queue.add(t);
        return t;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    /** Runs every task due up to now + {@code step}, in time order, and leaves the clock there. */
    public void advance(Duration step) {
        advanceTo(now + step.toNanos());
    }

    /** Runs every task due up to {@code deadline}, in time order, and leaves the clock there. */
    public void advanceTo(long deadline) {
        if (running) {
            throw new IllegalStateException("advance called from a task");
        }
        running = true;
        try {
            Task t;
            while ((t = queue.peek()) != null && t.due <= deadline) {
                queue.poll();
                if (t.cancelled) {
                    continue;
                }
                now = Math.max(now, t.due);
                t.done = true;
                t.task.run();
            }
            now = Math.max(now, deadline);
        } finally {
            running = false;
        }
    }

    /** Runs the tasks that are due now (zero delay included) without moving the clock. */
    public void runDue() {
        advanceTo(now);
    }

    /** Number of tasks neither run nor cancelled. */
    public int pendingCount() {
        return (int) queue.stream().filter(Task::pending).count();
    }

    private static final class Task implements Timer, Comparable<Task> {
        final long due;
        final long seq;
        final Runnable task;
        boolean cancelled;
        boolean done;

        Task(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean pending() {
            return !cancelled && !done;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
