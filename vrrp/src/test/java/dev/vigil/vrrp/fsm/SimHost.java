package dev.vigil.vrrp.fsm;

import dev.vigil.vrrp.sync.SyncGroup;
import dev.vigil.vrrp.sync.SyncOutcome;
import dev.vigil.vrrp.time.Scheduler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One node of a {@link SimLan}: its VRRP instances, their timers and sync groups. */
final class SimHost {
    final String name;
    final InetAddress address;
    private final SimLan lan;
    private final Map<String, VrrpMachine> machines = new HashMap<>();
    private final Map<String, Map<TimerKind, Scheduler.Timer>> timers = new HashMap<>();
    private final Map<String, SyncGroup> groups = new HashMap<>();
    private boolean dead;

    SimHost(SimLan lan, String name, String address) {
        this.lan = lan;
        this.name = name;
        try {
            this.address = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** Adds an instance; its name is the virtual router it joins on the LAN. */
    VrrpMachine add(MachineConfig config) {
        VrrpMachine m = new VrrpMachine(config);
        machines.put(config.name(), m);
        timers.put(config.name(), new EnumMap<>(TimerKind.class));
        return m;
    }

    /** Adds an instance whose local address is this host's. */
    VrrpMachine add(Configs config) {
        return add(config.address(address.getHostAddress()).build());
    }

    void start(String instance) {
        feed(instance, new Input.Start());
    }

    void syncGroup(String group, List<String> members) {
        SyncGroup g = new SyncGroup(group, members);
        members.forEach(m -> groups.put(m, g));
    }

    SyncGroup group(String instance) {
        return groups.get(instance);
    }

    VrrpMachine machine(String instance) {
        return machines.get(instance);
    }

    VrrpState state(String instance) {
        VrrpMachine m = machines.get(instance);
        return m == null ? null : m.state();
    }

    /** Feeds {@code input} to {@code instance} and carries out its actions. */
    void feed(String instance, Input input) {
        if (!dead) {
            apply(instance, machines.get(instance).handle(input));
        }
    }

    /** Silences the host: no more adverts, timers or inputs, as if its power were cut. */
    void kill() {
        dead = true;
        timers.values().forEach(t -> t.values().forEach(Scheduler.Timer::cancel));
    }

    boolean receive(String instance, Input.AdvertReceived advert) {
        if (dead || !machines.containsKey(instance)) {
            return false;
        }
        feed(instance, advert);
        return true;
    }

    private void apply(String instance, List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof Action.SendAdvert s) {
                lan.send(this, instance, s.priority(), machines.get(instance).config().advertIntervalCentis());
            } else if (a instanceof Action.StartTimer t) {
                cancel(instance, t.kind());
                timers.get(instance).put(t.kind(), lan.clock.schedule(t.delay(), () -> {
                    timers.get(instance).remove(t.kind());
                    feed(instance, new Input.TimerExpired(t.kind()));
                }));
            } else if (a instanceof Action.StopTimer t) {
                cancel(instance, t.kind());
            } else if (a instanceof Action.Transition t) {
                lan.record(this, instance, t);
                fanOut(instance, t);
            } else if (a instanceof Action.AnnounceAddresses an) {
                lan.announce(this, instance, an.reason());
            }
        }
    }

    private void fanOut(String instance, Action.Transition t) {
        SyncGroup g = groups.get(instance);
        if (g != null) {
            SyncOutcome o = g.onTransition(instance, t);
            o.requests().forEach(this::feed);
        }
    }

    private void cancel(String instance, TimerKind kind) {
        Scheduler.Timer old = timers.get(instance).remove(kind);
        if (old != null) {
            old.cancel();
        }
    }
}
