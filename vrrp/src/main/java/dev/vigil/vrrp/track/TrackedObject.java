package dev.vigil.vrrp.track;

import java.util.function.Consumer;

/**
 * Something instances track: a {@code vrrp_script}, an interface, a {@code track_file}, a
 * {@code vrrp_track_process}. One object may be tracked by several instances; it does its work
 * once and tells every subscriber. Status and callbacks belong to the event loop the object was
 * given: listeners run there, once per change of {@link #status()}.
 */
public interface TrackedObject {
    /** The name instances refer to it by. */
    String name();

    /** The current status. */
    TrackStatus status();

    /** Calls {@code listener} on the loop with every new status. */
    void subscribe(Consumer<TrackStatus> listener);

    /** Stops calling {@code listener}; no effect when it is not subscribed. */
    void unsubscribe(Consumer<TrackStatus> listener);
}
