package dev.vigil.plugin.notify;

/**
 * Receives events. The host calls {@link #deliver} from one queue per notifier, so events arrive
 * one at a time and in order (each carries a sequence number); a call that throws or takes longer
 * than the host's limit is counted and logged, and the next event follows. VRRP never waits for
 * a notifier.
 */
public interface Notifier extends AutoCloseable {
    void deliver(Event event) throws Exception;

    @Override
    default void close() {
    }
}
