package dev.vigil.vrrp.sync;

import dev.vigil.vrrp.fsm.Action;
import dev.vigil.vrrp.fsm.Input;
import dev.vigil.vrrp.fsm.VrrpMachine;
import dev.vigil.vrrp.fsm.VrrpState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * keepalived's {@code vrrp_sync_group}: member instances move together. A member becoming MASTER
 * takes the others to MASTER, one becoming BACKUP takes them to BACKUP, and one faulting takes them
 * to FAULT until every member that faulted on its own has recovered. Transitions that a
 * {@link Input.SyncRequest} caused (reason {@link VrrpMachine#SYNC_GROUP_REASON}) are recorded but
 * never fan out again, so requests cannot loop. Not thread-safe; confine it to one event loop.
 */
public final class SyncGroup {
    private final String name;
    private final Map<String, VrrpState> members = new LinkedHashMap<>();
    private final Set<String> ownFaults = new HashSet<>();
    private VrrpState state = VrrpState.INIT;

    public SyncGroup(String name, List<String> memberNames) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(memberNames, "memberNames");
        for (String m : memberNames) {
            if (members.put(Objects.requireNonNull(m, "member name"), VrrpState.INIT) != null) {
                throw new IllegalArgumentException("sync group " + name + " lists " + m + " twice");
            }
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("sync group " + name + " has no members");
        }
    }

    /**
     * Records that {@code member} made transition {@code t} and returns the requests for the other
     * members (and for {@code member} itself when it left FAULT while another member is still
     * faulted: it is sent back to FAULT), and whether the group's state changed.
     */
    public SyncOutcome onTransition(String member, Action.Transition t) {
        Objects.requireNonNull(t, "t");
        if (!members.containsKey(Objects.requireNonNull(member, "member"))) {
            throw new IllegalArgumentException("sync group " + name + " has no member " + member);
        }
        VrrpState before = state;
        members.put(member, t.to());
        Map<String, Input.SyncRequest> requests = new LinkedHashMap<>();
        if (!VrrpMachine.SYNC_GROUP_REASON.equals(t.reason())) {
            fanOut(member, t, requests);
        }
        return new SyncOutcome(requests, state != before, state);
    }

    /**
     * Records where {@code member} is without a transition: a group built by a reload learns the
     * states of members that kept running. The group's state becomes FAULT when a member is
     * faulted, else MASTER when one is master, else BACKUP when one is backup, else INIT.
     */
    public void seed(String member, VrrpState s) {
        Objects.requireNonNull(s, "s");
        if (!members.containsKey(Objects.requireNonNull(member, "member"))) {
            throw new IllegalArgumentException("sync group " + name + " has no member " + member);
        }
        members.put(member, s);
        state = members.containsValue(VrrpState.FAULT) ? VrrpState.FAULT
                : members.containsValue(VrrpState.MASTER) ? VrrpState.MASTER
                : members.containsValue(VrrpState.BACKUP) ? VrrpState.BACKUP : VrrpState.INIT;
    }

    /** The member names, in configuration order. */
    public List<String> memberNames() {
        return List.copyOf(members.keySet());
    }

    /** The group's state: where its last own (not sync-caused) member transition took it. */
    public VrrpState state() {
        return state;
    }

    public String name() {
        return name;
    }

    /** The members' last known states, in configuration order. */
    public Map<String, VrrpState> memberStates() {
        return Map.copyOf(members);
    }

    private void fanOut(String member, Action.Transition t, Map<String, Input.SyncRequest> requests) {
        if (t.to() == VrrpState.FAULT) {
            ownFaults.add(member);
            state = VrrpState.FAULT;
            request(requests, member, VrrpState.FAULT, member + " fault");
            return;
        }
        ownFaults.remove(member);
        if (t.to() == VrrpState.INIT) {
            stopped(member, requests);
            return;
        }
        if (t.from() == VrrpState.INIT && t.to() == VrrpState.BACKUP && state == VrrpState.MASTER) {
            // A member (re)started while the others are master, as after a reload that restarted it
            // alone: it joins them rather than taking them down to BACKUP.
            requests.put(member, new Input.SyncRequest(VrrpState.MASTER, VrrpMachine.SYNC_GROUP_REASON + ": "
                    + member + " joins " + name + " as MASTER"));
            return;
        }
        if (!ownFaults.isEmpty()) {
            String still = ownFaults.iterator().next();
            requests.put(member, new Input.SyncRequest(VrrpState.FAULT, VrrpMachine.SYNC_GROUP_REASON
                    + ": " + still + " still faulted"));
            return;
        }
        state = t.to();
        request(requests, member, t.to(), member + " " + t.to());
    }

    /** A member shut down: the group stops with its last member, and a fault it held is released. */
    private void stopped(String member, Map<String, Input.SyncRequest> requests) {
        if (members.values().stream().allMatch(s -> s == VrrpState.INIT)) {
            state = VrrpState.INIT;
        } else if (state == VrrpState.FAULT && ownFaults.isEmpty()) {
            state = VrrpState.BACKUP;
            request(requests, member, VrrpState.BACKUP, member + " stopped");
        }
    }

    /** Asks every other member not already in {@code target} (and not stopped) to follow. */
    private void request(Map<String, Input.SyncRequest> requests, String from, VrrpState target, String why) {
        String reason = VrrpMachine.SYNC_GROUP_REASON + ": " + why;
        members.forEach((other, s) -> {
            if (!other.equals(from) && s != target && s != VrrpState.INIT) {
                requests.put(other, new Input.SyncRequest(target, reason));
            }
        });
    }
}
