package dev.vigil.vrrp.instance;

import dev.vigil.kernel.vrrp.ReceivedPacket;
import dev.vigil.vrrp.fsm.Action;
import dev.vigil.vrrp.fsm.Input;
import dev.vigil.vrrp.fsm.MachineConfig;
import dev.vigil.vrrp.fsm.TimerKind;
import dev.vigil.vrrp.fsm.VrrpMachine;
import dev.vigil.vrrp.fsm.VrrpState;
import dev.vigil.vrrp.packet.AdvertCheck;
import dev.vigil.vrrp.packet.DecodeResult;
import dev.vigil.vrrp.packet.VrrpAdvert;
import dev.vigil.vrrp.packet.VrrpCodec;
import dev.vigil.vrrp.packet.Verdict;
import dev.vigil.vrrp.time.Scheduler;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running VRRP instance: feeds received adverts, timer expiries, tracking and sync-group
 * requests to its {@link VrrpMachine} and carries out the actions it returns (adverts, timers,
 * addresses, announcements, notifications). Every method runs on the instance's event loop.
 */
public final class InstanceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceRunner.class);

    private final InstanceContext ctx;
    private final InetAddress localAddress;
    private final InstanceCounters counters = new InstanceCounters();
    private final Map<TimerKind, Scheduler.Timer> timers = new EnumMap<>(TimerKind.class);
    private final AddressKeeper keeper;
    private final Announcer announcer;
    private final AdvertSender sender;
    private InstanceSpec spec;
    private AdvertCheck.Expectation expectation;
    private VrrpMachine machine;
    private boolean faulted;
    private String faultReason = "";
    private boolean stopped;

    /**
     * @param localAddress this node's address on the interface (the source of its adverts), used to
     *                     break priority ties (RFC 5798 section 6.4.3)
     */
    public InstanceRunner(InstanceSpec spec, InstanceContext ctx, InetAddress localAddress) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
        this.keeper = new AddressKeeper(spec.name(), ctx.addresses(), ctx.routes(), counters, ctx.vipPort(),
                ctx.record());
        // Addresses a VIP backend places elsewhere are announced by that backend, not from here.
        this.announcer = new Announcer(spec.name(), ctx.loop(), ctx.arp(), spec.garp(),
                () -> ctx.vipPort() == null ? placed(this.spec.vips()) : List.of(), counters);
        this.sender = new AdvertSender(ctx.socket(), counters);
        this.expectation = expectation(spec);
        this.machine = new VrrpMachine(machineConfig(spec, localAddress));
    }

    public String name() {
        return spec.name();
    }

    public InstanceSpec spec() {
        return spec;
    }

    public VrrpState state() {
        return machine.state();
    }

    public int effectivePriority() {
        return machine.effectivePriority();
    }

    /** Starts the protocol: the instance joins as backup (or master at once as address owner). */
    public void start() {
        if (!spec.unicast()) {
            ctx.socket().joinGroup(ctx.socket().options().family().vrrpGroup());
        }
        apply(machine.handle(new Input.Start()));
    }

    /** A packet from the instance's socket, received now. */
    public void onPacket(ReceivedPacket packet) {
        onPacket(packet, ctx.loop().nanoTime());
    }

    /**
     * A packet from the instance's socket, received at {@code receivedNanos} (the loop's clock). A
     * Master_Down_Timer it resets runs from that moment (RFC 5798 section 6.4.2: reset on receiving
     * the ADVERTISEMENT), so time the packet waited for the loop does not delay a takeover.
     */
    public void onPacket(ReceivedPacket packet, long receivedNanos) {
        if (stopped) {
            return;
        }
        DecodeResult decoded = VrrpCodec.decode(packet.payload(), spec.family(), packet.source(), packet.destination());
        if (decoded instanceof DecodeResult.Malformed m) {
            counters.drop(m.reason());
            LOG.debug("({}) dropped a malformed advert from {}: {}", spec.name(), packet.source().getHostAddress(), m.detail());
            return;
        }
        VrrpAdvert advert = ((DecodeResult.Ok) decoded).advert();
        if (advert.vrid() != spec.vrid()) {
            return;
        }
        counters.advertsReceived++;
        Verdict v = AdvertCheck.check(packet, advert, expectation);
        if (v.kind() == Verdict.Kind.DROP) {
            counters.drop(v.reason());
            LOG.warn("({}) dropped an advert from {}: {}", spec.name(), packet.source().getHostAddress(), v.detail());
            return;
        }
        if (v.kind() == Verdict.Kind.ACCEPT_WITH_WARNING) {
            counters.addressMismatches++;
            LOG.warn("({}) advert from {}: {}", spec.name(), packet.source().getHostAddress(), v.detail());
        }
        long waited = Math.max(0, ctx.loop().nanoTime() - receivedNanos);
        apply(machine.handle(new Input.AdvertReceived(advert.priority(), advert.advertIntervalCentis(), packet.source())),
                waited);
    }

    /** Tracking's verdict: the effective priority, or FAULT with its reason. */
    public void onTracking(int effectivePriority, boolean fault, String reason) {
        if (stopped) {
            return;
        }
        if (fault != faulted) {
            faulted = fault;
            faultReason = reason == null ? "" : reason;
            apply(machine.handle(new Input.FaultChanged(fault, faultReason)));
        }
        if (spec.priority() != 255 && effectivePriority != machine.effectivePriority()) {
            apply(machine.handle(new Input.PriorityChanged(effectivePriority)));
        }
    }

    /** A sync group asks this member to follow it. */
    public void onSyncRequest(VrrpState target, String reason) {
        if (!stopped && target != machine.state()) {
            apply(machine.handle(new Input.SyncRequest(target, reason)));
        }
    }

    /**
     * Applies a reload that changed only addresses, routes, rules, priority, garp or notify
     * settings ({@link InstanceUpdates#inPlace}): a master swaps exactly the addresses that
     * changed and announces the new ones; no transition, no advert gap.
     */
    public void update(InstanceSpec next) {
        InstanceSpec prev = spec;
        spec = next;
        expectation = expectation(next);
        announcer.policy(next.garp());
        if (machine.state() == VrrpState.MASTER) {
            keeper.remove(placed(minus(prev.vips(), next.vips())), minus(prev.routes(), next.routes()),
                    minus(prev.rules(), next.rules()));
            keeper.install(placed(minus(next.vips(), prev.vips())), minus(next.routes(), prev.routes()),
                    minus(next.rules(), prev.rules()));
        }
    }

    /** Stops: a master sends priority 0 (RFC 5798 section 6.4.3) and gives its addresses up. */
    public void stop() {
        if (stopped) {
            return;
        }
        VrrpState before = machine.state();
        apply(machine.handle(new Input.Shutdown()));
        stopped = true;
        timers.values().forEach(Scheduler.Timer::cancel);
        timers.clear();
        announcer.cancel();
        if (!spec.unicast()) {
            try {
                ctx.socket().leaveGroup(ctx.socket().options().family().vrrpGroup());
            } catch (RuntimeException e) {
                LOG.debug("({}) leave group: {}", spec.name(), e.getMessage());
            }
        }
        ctx.listener().stateChanged(spec.name(), before, null, machine.effectivePriority(), "stop");
    }

    /** The instance as {@code vigil status} shows it. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", spec.name());
        m.put("state", stopped ? "STOP" : machine.state().name());
        m.put("priority", spec.priority());
        m.put("effective_priority", machine.effectivePriority());
        m.put("interface", spec.interfaceName());
        if (ctx.vmac() != null) {
            m.put("vmac", ctx.vmac().name());
        }
        m.put("vrid", spec.vrid());
        m.put("version", spec.version());
        m.put("vips", spec.vips().stream().map(Vip::toString).toList());
        m.put("master", machine.state() == VrrpState.MASTER ? "self"
                : machine.masterAddress().map(Vip::text).orElse(""));
        m.put("fault", faulted ? faultReason : "");
        m.put("counters", counters.snapshot());
        return m;
    }

    private void apply(List<Action> actions) {
        apply(actions, 0);
    }

    /** Carries out {@code actions}; a Master_Down_Timer among them is shortened by {@code waitedNanos}. */
    private void apply(List<Action> actions, long waitedNanos) {
        for (Action a : actions) {
            if (a instanceof Action.SendAdvert s) {
                sender.send(advert(s.priority()), spec);
            } else if (a instanceof Action.StartTimer t) {
                Duration delay = t.kind() == TimerKind.MASTER_DOWN ? t.delay().minusNanos(waitedNanos) : t.delay();
                Scheduler.Timer old = timers.put(t.kind(),
                        ctx.loop().schedule(delay.isNegative() ? Duration.ZERO : delay, () -> onTimer(t.kind())));
                if (old != null) {
                    old.cancel();
                }
            } else if (a instanceof Action.StopTimer t) {
                Scheduler.Timer old = timers.remove(t.kind());
                if (old != null) {
                    old.cancel();
                }
            } else if (a instanceof Action.Transition t) {
                transition(t);
            } else if (a instanceof Action.AnnounceAddresses an) {
                announcer.lowerPriority();
            }
        }
    }

    private void onTimer(TimerKind kind) {
        if (!stopped) {
            timers.remove(kind);
            apply(machine.handle(new Input.TimerExpired(kind)));
        }
    }

    private void transition(Action.Transition t) {
        LOG.info("({}) {} -> {} ({})", spec.name(), t.from(), t.to(), t.reason());
        counters.transitions++;
        if (t.to() == VrrpState.MASTER) {
            counters.becameMaster++;
            keeper.install(placed(spec.vips()), spec.routes(), spec.rules());
            announcer.becameMaster();
        } else if (t.from() == VrrpState.MASTER || t.from() == VrrpState.INIT) {
            // From INIT too: addresses left by a process killed while master must not linger on a backup.
            announcer.cancel();
            keeper.remove(placed(spec.vips()), spec.routes(), spec.rules());
        }
        if (t.to() != VrrpState.INIT) {
            ctx.listener().stateChanged(spec.name(), t.from(), t.to(), machine.effectivePriority(), t.reason());
        }
    }

    private VrrpAdvert advert(int priority) {
        List<InetAddress> addrs = spec.advertAddresses();
        return spec.version() == 2
                ? VrrpAdvert.v2(spec.vrid(), priority, spec.advertIntervalCentis() / 100, spec.authType(), spec.authPass(), addrs)
                : VrrpAdvert.v3(spec.vrid(), priority, spec.advertIntervalCentis(), addrs);
    }

    /** The addresses as they are configured: on the VMAC interface when the instance has one. */
    private List<Vip> placed(List<Vip> vips) {
        return vips.stream().map(ctx::place).toList();
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        Set<T> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }

    static MachineConfig machineConfig(InstanceSpec s, InetAddress local) {
        return new MachineConfig(s.name(), s.version(), s.priority(), s.advertIntervalCentis(), s.preempt(),
                s.preemptDelay(), s.startAsMaster(), s.lowerPrioNoAdvert(), s.higherPrioSendAdvert(), local);
    }

    static AdvertCheck.Expectation expectation(InstanceSpec s) {
        return new AdvertCheck.Expectation(s.version(), s.vrid(), s.family(), s.advertIntervalCentis(), s.authType(),
                s.authPass(), s.advertAddresses(), s.skipCheckAdvAddr(), s.strict(), s.unicastPeers(),
                s.checkUnicastSrc(), s.peerTtls());
    }
}
