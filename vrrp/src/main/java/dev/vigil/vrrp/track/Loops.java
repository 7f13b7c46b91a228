package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;

/** Helpers for code confined to a {@link Scheduler}'s loop. */
final class Loops {
    private Loops() {
    }

    /** Runs {@code task} now when called on the loop, else hands it to the loop. */
    static void onLoop(Scheduler loop, Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
