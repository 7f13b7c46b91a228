package dev.vigil.vrrp.track;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers of one tracked object; one that throws is logged and the others still hear. */
final class StatusListeners {
    private static final Logger LOG = LoggerFactory.getLogger(StatusListeners.class);
    private final List<Consumer<TrackStatus>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<TrackStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(Consumer<TrackStatus> listener) {
        listeners.remove(listener);
    }

    void fire(String name, TrackStatus status) {
        for (Consumer<TrackStatus> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("listener of tracked object {} failed on {}", name, status, e);
            }
        }
    }
}
