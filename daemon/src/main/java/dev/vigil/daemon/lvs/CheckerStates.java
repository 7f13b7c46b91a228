package dev.vigil.daemon.lvs;

import dev.vigil.lvs.engine.LvsEvents;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes the LVS engine's health transitions, with keepalived's names ({@link CheckerLabels}), on to
 * whoever needs them (notifier plugins, the notify FIFO). Subscribers are called on the LVS loop and
 * must only hand the change to their own thread.
 */
public final class CheckerStates implements LvsEvents {
    private final List<LvsEvents> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(LvsEvents listener) {
        subscribers.add(Objects.requireNonNull(listener, "listener"));
    }

    public void unsubscribe(LvsEvents listener) {
        subscribers.remove(listener);
    }

    @Override
    public void realServer(String virtualServer, String realServer, boolean up, String reason) {
        subscribers.forEach(s -> s.realServer(virtualServer, realServer, up, reason));
    }

    @Override
    public void quorum(String virtualServer, boolean up, int liveWeight) {
        subscribers.forEach(s -> s.quorum(virtualServer, up, liveWeight));
    }
}
