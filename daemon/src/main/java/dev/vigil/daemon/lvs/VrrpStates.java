package dev.vigil.daemon.lvs;

import dev.vigil.vrrp.engine.EngineListener;
import dev.vigil.vrrp.notify.StateChange;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes the VRRP engine's state changes on to whoever else needs them (LVS, notifier plugins).
 * Subscribers are called on the VRRP loop and must only hand the change to their own thread.
 */
public final class VrrpStates implements EngineListener {
    private final List<EngineListener> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(EngineListener listener) {
        subscribers.add(Objects.requireNonNull(listener, "listener"));
    }

    public void unsubscribe(EngineListener listener) {
        subscribers.remove(listener);
    }

    @Override
    public void stateChanged(StateChange change, String from, String reason) {
        for (EngineListener l : subscribers) {
            l.stateChanged(change, from, reason);
        }
    }
}
