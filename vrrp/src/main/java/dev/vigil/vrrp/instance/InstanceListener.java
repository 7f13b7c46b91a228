package dev.vigil.vrrp.instance;

import dev.vigil.vrrp.fsm.VrrpState;

/** Hears an instance's state changes, on the instance's event loop. Must not block. */
@FunctionalInterface
public interface InstanceListener {
    /**
     * {@code instance} went from {@code from} to {@code to} ({@code to == null}: the instance
     * stopped) with effective priority {@code priority}, for {@code reason}.
     */
    void stateChanged(String instance, VrrpState from, VrrpState to, int priority, String reason);
}
