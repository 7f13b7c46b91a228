package dev.vigil.vrrp.fsm;

import dev.vigil.vrrp.fsm.Action.AnnounceAddresses;
import dev.vigil.vrrp.fsm.Action.SendAdvert;
import dev.vigil.vrrp.fsm.Action.StartTimer;
import dev.vigil.vrrp.fsm.Action.StopTimer;
import dev.vigil.vrrp.fsm.Action.Transition;
import dev.vigil.vrrp.fsm.Input.AdvertReceived;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One virtual router's state machine: RFC 5798 section 6.4 (RFC 3768 section 6.4 for v2) plus
 * keepalived's FAULT state, preempt_delay, lower/higher priority advert handling and sync requests.
 * It performs no I/O, owns no thread and reads no clock: {@link #handle} maps an input to the
 * actions the caller performs in order, timers included (the caller feeds back their expiry).
 * Not thread-safe; confine it to one event loop.
 */
public final class VrrpMachine {
    /** Reason of transitions a {@link Input.SyncRequest} caused; sync groups do not fan these out. */
    public static final String SYNC_GROUP_REASON = "sync group";
    static final String MASTER_DOWN_REASON = "master down timer";
    static final String START_REASON = "start";
    static final String HIGHER_PRIORITY_REASON = "higher priority advert";
    static final String PRIORITY_ZERO_REASON = "priority 0 advert";
    static final String OWNER_REASON = "address owner";
    static final String SHUTDOWN_REASON = "shutdown";
    static final String LOWER_PRIORITY_REASON = "lower priority advert";

    private final MachineConfig config;
    private final EnumSet<TimerKind> armed = EnumSet.noneOf(TimerKind.class);
    private VrrpState state = VrrpState.INIT;
    private int effectivePriority;
    private int masterAdverInterval;
    private InetAddress masterAddress;
    private String masterDownReason = MASTER_DOWN_REASON;
    private boolean preemptPending;
    private boolean faulted;
    private String faultReason = "";
    private boolean syncFaulted;

    public VrrpMachine(MachineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.effectivePriority = config.priority();
        this.masterAdverInterval = config.advertIntervalCentis();
    }

    /** Applies one input and returns what the caller must do, in order (often nothing). */
    public List<Action> handle(Input input) {
        Objects.requireNonNull(input, "input");
        List<Action> out = new ArrayList<>();
        if (input instanceof Input.Start) {
            start(out);
        } else if (input instanceof Input.Shutdown) {
            shutdown(out);
        } else if (input instanceof AdvertReceived a) {
            advert(out, a);
        } else if (input instanceof Input.TimerExpired t) {
            timerExpired(out, t.kind());
        } else if (input instanceof Input.PriorityChanged p) {
            priorityChanged(p.effectivePriority());
        } else if (input instanceof Input.FaultChanged f) {
            faultChanged(out, f);
        } else if (input instanceof Input.SyncRequest s) {
            syncRequest(out, s.target());
        }
        return List.copyOf(out);
    }

    public VrrpState state() {
        return state;
    }

    /** The priority adverts carry and elections use: configured, then as tracking changed it. */
    public int effectivePriority() {
        return effectivePriority;
    }

    /** Master_Adver_Interval (RFC 5798 6.1): learned from the master's adverts in v3, the local one otherwise. */
    public int masterAdvertIntervalCentis() {
        return masterAdverInterval;
    }

    /** The last master heard while Backup; empty when Master, in INIT or FAULT, or before any advert. */
    public Optional<InetAddress> masterAddress() {
        return Optional.ofNullable(masterAddress);
    }

    public MachineConfig config() {
        return config;
    }

    /**
     * RFC 5798 6.4.1: the owner (255) becomes Master at once; any other priority becomes Backup and
     * waits Master_Down_Interval. keepalived's {@code state MASTER} does not shorten that wait (its
     * man page: "otherwise the instance will wait between 3 and 4 advert intervals"); it only keeps
     * preemption on. A fault reported before start-up sends the instance to FAULT instead.
     */
    private void start(List<Action> out) {
        if (state != VrrpState.INIT) {
            return;
        }
        if (faulted) {
            transition(out, VrrpState.FAULT, "fault: " + faultReason);
        } else {
            enterService(out, START_REASON);
        }
    }

    /** Becomes Master if owner, else Backup with the start-up wait (preempt_delay included). */
    private void enterService(List<Action> out, String backupReason) {
        if (config.addressOwner()) {
            becomeMaster(out, OWNER_REASON);
            return;
        }
        masterAdverInterval = config.advertIntervalCentis();
        Duration wait = masterDownInterval();
        Duration delay = config.effectivePreemptDelay();
        preemptPending = !delay.isZero();
        becomeBackup(out, wait.plus(delay), backupReason);
    }

    /** RFC 5798 6.4.2 / 6.4.3 Shutdown: a Master sends priority 0 so a Backup takes over after Skew_Time. */
    private void shutdown(List<Action> out) {
        if (state == VrrpState.INIT) {
            return;
        }
        leaveService(out);
        syncFaulted = false;
        transition(out, VrrpState.INIT, SHUTDOWN_REASON);
    }

    private void advert(List<Action> out, AdvertReceived a) {
        if (state == VrrpState.BACKUP) {
            backupAdvert(out, a);
        } else if (state == VrrpState.MASTER) {
            masterAdvert(out, a);
        }
    }

    /**
     * RFC 5798 6.4.2: priority 0 arms the master down timer to Skew_Time; a priority at least ours,
     * or preemption off, resets it (v3 learning Master_Adver_Interval); a lower priority with
     * preemption on is discarded, so the timer fires. keepalived's preempt_delay: the first lower
     * priority advert re-arms the timer once to Master_Down_Interval + preempt_delay.
     */
    private void backupAdvert(List<Action> out, AdvertReceived a) {
        masterAddress = a.source();
        if (a.priority() == 0) {
            arm(out, TimerKind.MASTER_DOWN, skewTime());
            masterDownReason = PRIORITY_ZERO_REASON;
            return;
        }
        if (!config.effectivePreempt() || a.priority() >= effectivePriority) {
            learnInterval(a);
            preemptPending = false;
            arm(out, TimerKind.MASTER_DOWN, masterDownInterval());
            masterDownReason = MASTER_DOWN_REASON;
            return;
        }
        Duration delay = config.effectivePreemptDelay();
        if (!delay.isZero() && !preemptPending) {
            preemptPending = true;
            arm(out, TimerKind.MASTER_DOWN, masterDownInterval().plus(delay));
            masterDownReason = MASTER_DOWN_REASON;
        }
    }

    /**
     * RFC 5798 6.4.3: priority 0 is answered with an advert at once; a higher priority, or an equal
     * one from a higher address (unsigned byte order), makes us Backup (keepalived's
     * higher_prio_send_advert: one advert first). A lower one is discarded by the RFC; keepalived
     * (unless lower_prio_no_advert) answers with an advert and re-announces the addresses, which
     * ends a dual-master state after a partition heals.
     */
    private void masterAdvert(List<Action> out, AdvertReceived a) {
        if (a.priority() == 0) {
            out.add(new SendAdvert(effectivePriority));
            arm(out, TimerKind.ADVER, config.advertInterval());
            return;
        }
        int tie = Arrays.compareUnsigned(a.source().getAddress(), config.localAddress().getAddress());
        if (a.priority() > effectivePriority || (a.priority() == effectivePriority && tie > 0)) {
            if (config.higherPrioSendAdvert()) {
                out.add(new SendAdvert(effectivePriority));
            }
            disarm(out, TimerKind.ADVER);
            learnInterval(a);
            preemptPending = false;
            becomeBackup(out, masterDownInterval(), HIGHER_PRIORITY_REASON);
            masterAddress = a.source();
            return;
        }
        if (tie != 0 && !config.lowerPrioNoAdvert()) {
            out.add(new SendAdvert(effectivePriority));
            out.add(new AnnounceAddresses(LOWER_PRIORITY_REASON));
        }
    }

    /** RFC 5798 6.4.2 / 6.4.3 timer events; a timer fired after it was stopped is ignored. */
    private void timerExpired(List<Action> out, TimerKind kind) {
        if (!armed.remove(kind)) {
            return;
        }
        if (kind == TimerKind.ADVER && state == VrrpState.MASTER) {
            out.add(new SendAdvert(effectivePriority));
            arm(out, TimerKind.ADVER, config.advertInterval());
        } else if (kind == TimerKind.MASTER_DOWN && state == VrrpState.BACKUP) {
            becomeMaster(out, masterDownReason);
        }
    }

    /** Tracking: takes effect in the next advert and election; the owner's 255 never changes. */
    private void priorityChanged(int priority) {
        if (!config.addressOwner()) {
            effectivePriority = priority;
        }
    }

    /** keepalived's FAULT: entered from any running state; left for Backup (or Master if owner). */
    private void faultChanged(List<Action> out, Input.FaultChanged f) {
        faulted = f.faulted();
        if (f.faulted()) {
            faultReason = f.reason();
            if (state == VrrpState.BACKUP || state == VrrpState.MASTER) {
                enterFault(out, "fault: " + f.reason());
            }
        } else if (state == VrrpState.FAULT && !syncFaulted) {
            enterService(out, "fault recovered: " + f.reason());
        }
    }

    /** Follows a sync group; an own fault holds the member in FAULT whatever the group asks. */
    private void syncRequest(List<Action> out, VrrpState target) {
        boolean releasable = state == VrrpState.FAULT && syncFaulted && !faulted;
        if (target == VrrpState.MASTER && (state == VrrpState.BACKUP || releasable)) {
            syncFaulted = false;
            becomeMaster(out, SYNC_GROUP_REASON);
        } else if (target == VrrpState.BACKUP && state == VrrpState.MASTER) {
            disarm(out, TimerKind.ADVER);
            becomeBackup(out, masterDownInterval(), SYNC_GROUP_REASON);
        } else if (target == VrrpState.BACKUP && releasable) {
            syncFaulted = false;
            becomeBackup(out, masterDownInterval(), SYNC_GROUP_REASON);
        } else if (target == VrrpState.FAULT && (state == VrrpState.BACKUP || state == VrrpState.MASTER)) {
            syncFaulted = true;
            enterFault(out, SYNC_GROUP_REASON);
        }
    }

    /** RFC 5798 6.4.2 Master_Down_Timer fired: advert, Adver_Timer, Master (the caller announces). */
    private void becomeMaster(List<Action> out, String reason) {
        disarm(out, TimerKind.MASTER_DOWN);
        out.add(new SendAdvert(effectivePriority));
        arm(out, TimerKind.ADVER, config.advertInterval());
        masterAddress = null;
        masterAdverInterval = config.advertIntervalCentis();
        preemptPending = false;
        transition(out, VrrpState.MASTER, reason);
    }

    private void becomeBackup(List<Action> out, Duration wait, String reason) {
        arm(out, TimerKind.MASTER_DOWN, wait);
        masterDownReason = MASTER_DOWN_REASON;
        masterAddress = null;
        transition(out, VrrpState.BACKUP, reason);
    }

    private void enterFault(List<Action> out, String reason) {
        leaveService(out);
        transition(out, VrrpState.FAULT, reason);
    }

    /** Stops the timers; a Master sends priority 0 (RFC 5798 6.4.3, as keepalived does entering FAULT). */
    private void leaveService(List<Action> out) {
        if (state == VrrpState.MASTER) {
            disarm(out, TimerKind.ADVER);
            out.add(new SendAdvert(0));
        }
        disarm(out, TimerKind.ADVER);
        disarm(out, TimerKind.MASTER_DOWN);
        masterAddress = null;
        preemptPending = false;
    }

    /** RFC 5798 6.4.2: v3 Backups adopt the master's interval; v2 (RFC 3768) keeps the local one. */
    private void learnInterval(AdvertReceived a) {
        if (config.version() == 3 && a.advertIntervalCentis() > 0) {
            masterAdverInterval = a.advertIntervalCentis();
        }
    }

    private Duration masterDownInterval() {
        return VrrpTimers.masterDownInterval(config.version(), effectivePriority, masterAdverInterval);
    }

    private Duration skewTime() {
        return VrrpTimers.skewTime(config.version(), effectivePriority, masterAdverInterval);
    }

    private void arm(List<Action> out, TimerKind kind, Duration delay) {
        armed.add(kind);
        out.add(new StartTimer(kind, delay));
    }

    private void disarm(List<Action> out, TimerKind kind) {
        if (armed.remove(kind)) {
            out.add(new StopTimer(kind));
        }
    }

    private void transition(List<Action> out, VrrpState to, String reason) {
        out.add(new Transition(state, to, reason));
        state = to;
    }
}
