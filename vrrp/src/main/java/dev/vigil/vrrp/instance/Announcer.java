package dev.vigil.vrrp.instance;

import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.vrrp.time.Scheduler;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the segment that the virtual addresses moved here (RFC 5798 section 6.4.3: gratuitous ARP
 * for IPv4, unsolicited Neighbour Advertisements for IPv6), in the bursts keepalived sends: one on
 * becoming master, another {@link GarpPolicy#masterDelay()} later, a refresh every
 * {@link GarpPolicy#refresh()}, and a burst after a lower priority advert. Runs on the loop.
 */
final class Announcer {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    private final String instance;
    private final Scheduler loop;
    private final ArpSender arp;
    private final Supplier<List<Vip>> vips;
    private final InstanceCounters counters;
    private final List<Scheduler.Timer> timers = new ArrayList<>();
    private GarpPolicy policy;

    Announcer(String instance, Scheduler loop, ArpSender arp, GarpPolicy policy, Supplier<List<Vip>> vips,
              InstanceCounters counters) {
        this.instance = instance;
        this.loop = loop;
        this.arp = arp;
        this.policy = policy;
        this.vips = vips;
        this.counters = counters;
    }

    void policy(GarpPolicy p) {
        this.policy = p;
    }

    /** On becoming master: a burst now, a second after the master delay, then the refreshes. */
    void becameMaster() {
        cancel();
        burst(policy.masterRepeat());
        if (!policy.masterDelay().isZero() && policy.masterRepeat() > 0) {
            later(policy.masterDelay(), () -> burst(policy.masterRepeat()));
        }
        if (!policy.refresh().isZero()) {
            later(policy.refresh(), this::refresh);
        }
    }

    /** After a lower priority advert while master. */
    void lowerPriority() {
        if (policy.lowerPrioRepeat() > 0) {
            later(policy.lowerPrioDelay(), () -> burst(policy.lowerPrioRepeat()));
        }
    }

    /** Stops every pending burst (on leaving master). */
    void cancel() {
        timers.forEach(Scheduler.Timer::cancel);
        timers.clear();
    }

    private void refresh() {
        burst(policy.refreshRepeat());
        later(policy.refresh(), this::refresh);
    }

    private void later(Duration delay, Runnable task) {
        timers.removeIf(t -> !t.pending());
        timers.add(loop.schedule(delay, task));
    }

    /** {@code count} rounds over every address, spaced by the policy's intervals. */
    private void burst(int count) {
        if (count <= 0) {
            return;
        }
        sendRound();
        Duration gap = spacing();
        if (count > 1 && !gap.isZero()) {
            later(gap, () -> burst(count - 1));
        } else {
            for (int i = 1; i < count; i++) {
                sendRound();
            }
        }
    }

    private Duration spacing() {
        boolean v6 = vips.get().stream().anyMatch(v -> v.address().address() instanceof Inet6Address);
        return v6 && policy.naInterval().compareTo(policy.interval()) > 0 ? policy.naInterval() : policy.interval();
    }

    private void sendRound() {
        for (Vip v : vips.get()) {
            try {
                if (v.address().address() instanceof Inet4Address a4) {
                    arp.sendGratuitousArp(v.interfaceName(), a4);
                } else if (v.address().address() instanceof Inet6Address a6) {
                    arp.sendUnsolicitedNa(v.interfaceName(), a6);
                }
                counters.garpsSent++;
            } catch (RuntimeException e) {
                LOG.warn("({}) cannot announce {}: {}", instance, v, e.getMessage());
            }
        }
    }
}
