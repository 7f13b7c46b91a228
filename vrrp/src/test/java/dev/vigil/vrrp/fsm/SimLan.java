package dev.vigil.vrrp.fsm;

import dev.vigil.vrrp.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated LAN for state machine tests: hosts running {@link VrrpMachine}s under one virtual
 * clock. An advert reaches the same instance on every other live host that is not partitioned away,
 * {@link #LATENCY} later; transitions, deliveries and announcements are recorded with their time.
 */
final class SimLan {
    static final Duration LATENCY = Duration.ofMillis(1);

    /** A transition, at virtual nanoseconds {@code at}. */
    record Event(long at, String host, String instance, VrrpState from, VrrpState to, String reason) {
    }

    /** An advert handed to {@code to}'s machine. */
    record Delivery(long at, String from, String to, String instance, int priority) {
    }

    /** An {@link Action.AnnounceAddresses} a host performed. */
    record Announcement(long at, String host, String instance, String reason) {
    }

    final VirtualScheduler clock = new VirtualScheduler();
    final List<Event> events = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final List<Announcement> announcements = new ArrayList<>();
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Set<Set<String>> cuts = new HashSet<>();

    SimHost host(String name, String address) {
        SimHost h = new SimHost(this, name, address);
        if (hosts.putIfAbsent(name, h) != null) {
            throw new IllegalArgumentException("host " + name + " exists");
        }
        return h;
    }

    /** Drops adverts between {@code a} and {@code b} (both ways) until {@link #heal()}. */
    void partition(String a, String b) {
        cuts.add(Set.of(a, b));
    }

    void heal() {
        cuts.clear();
    }

    void advanceTo(long nanos) {
        clock.advanceTo(nanos);
    }

    long now() {
        return clock.nanoTime();
    }

    /** Hosts whose {@code instance} is MASTER now. */
    List<String> masters(String instance) {
        List<String> out = new ArrayList<>();
        hosts.values().forEach(h -> {
            if (h.state(instance) == VrrpState.MASTER) {
                out.add(h.name);
            }
        });
        return out;
    }

    List<Event> events(String host, String instance) {
        return events.stream().filter(e -> e.host().equals(host) && e.instance().equals(instance)).toList();
    }

    /** Time of the last transition of {@code host}/{@code instance} into {@code to}; fails if none. */
    long lastTransitionTo(String host, String instance, VrrpState to) {
        return events(host, instance).stream().filter(e -> e.to() == to).mapToLong(Event::at)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(host + "/" + instance + " never " + to));
    }

    long lastDeliveryTo(String host, String instance) {
        return deliveries.stream().filter(d -> d.to().equals(host) && d.instance().equals(instance))
                .mapToLong(Delivery::at).reduce((a, b) -> b).orElseThrow();
    }

    void send(SimHost from, String instance, int priority, int intervalCentis) {
        Input.AdvertReceived advert = new Input.AdvertReceived(priority, intervalCentis, from.address);
        for (SimHost to : hosts.values()) {
            if (to != from && !cuts.contains(Set.of(from.name, to.name))) {
                clock.schedule(LATENCY, () -> {
                    if (to.receive(instance, advert)) {
                        deliveries.add(new Delivery(now(), from.name, to.name, instance, priority));
                    }
                });
            }
        }
    }

    void record(SimHost host, String instance, Action.Transition t) {
        events.add(new Event(now(), host.name, instance, t.from(), t.to(), t.reason()));
    }

    void announce(SimHost host, String instance, String reason) {
        announcements.add(new Announcement(now(), Objects.requireNonNull(host.name), instance, reason));
    }
}
