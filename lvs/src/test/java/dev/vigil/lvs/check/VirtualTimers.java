package dev.vigil.lvs.check;

import dev.vigil.vrrp.time.VirtualScheduler;

import java.time.Duration;

/** {@link LoopTimers} over the virtual clock tests advance. */
public final class VirtualTimers implements LoopTimers {
    private final VirtualScheduler scheduler = new VirtualScheduler();

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public void advance(Duration d) {
        scheduler.advance(d);
    }

    /** Seconds since the start, for readable assertions. */
    public double seconds() {
        return scheduler.nanoTime() / 1e9;
    }

    @Override
    public long nanoTime() {
        return scheduler.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return scheduler.schedule(delay, task)::cancel;
    }

    @Override
    public void execute(Runnable task) {
        scheduler.execute(task);
    }
}
