package dev.vigil.vrrp.track;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every tracked object shares: a name, the current status (read and changed on the event
 * loop) and the listeners told of each change.
 */
abstract class BaseTracked implements TrackedObject {
    private final String name;
    private final StatusListeners listeners = new StatusListeners();
    private TrackStatus status;

    BaseTracked(String name, TrackStatus initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.status = Objects.requireNonNull(initial, "initial");
    }

    /** Makes {@code next} the status and tells the listeners. */
    final void publish(TrackStatus next) {
        status = next;
        listeners.fire(name, next);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final TrackStatus status() {
        return status;
    }

    @Override
    public final void subscribe(Consumer<TrackStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public final void unsubscribe(Consumer<TrackStatus> listener) {
        listeners.remove(listener);
    }
}
