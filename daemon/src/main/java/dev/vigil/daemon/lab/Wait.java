package dev.vigil.daemon.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits with a deadline: the only synchronisation the lab uses (never fixed sleeps). */
public final class Wait {
    private static final long POLL_MILLIS = 20;

    private Wait() {
    }

    /**
     * Polls {@code condition} until it holds, and returns how long that took.
     *
     * @throws IllegalStateException naming {@code description} when {@code deadline} passes first
     */
    public static Duration until(String description, Duration deadline, BooleanSupplier condition) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + deadline.toMillis() + " ms waiting for: " + description);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for: " + description, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
