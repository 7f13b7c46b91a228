package dev.vigil.vrrp.sync;

import dev.vigil.vrrp.fsm.Input;
import dev.vigil.vrrp.fsm.VrrpState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a sync group makes of one member's transition.
 *
 * @param requests          member name to the input to feed to that member's machine, in the
 *                          group's member order
 * @param groupStateChanged whether the group's own state changed (for group notifies)
 * @param groupState        the group's state after the transition
 */
public record SyncOutcome(Map<String, Input.SyncRequest> requests, boolean groupStateChanged,
        VrrpState groupState) {

    public SyncOutcome {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(groupState, "groupState");
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    }
}
