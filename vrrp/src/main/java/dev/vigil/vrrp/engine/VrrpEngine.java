package dev.vigil.vrrp.engine;

import dev.vigil.vrrp.fsm.Action;
import dev.vigil.vrrp.fsm.Input;
import dev.vigil.vrrp.fsm.VrrpState;
import dev.vigil.vrrp.instance.InstanceRunner;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.InstanceUpdates;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.notify.ScriptNotifier;
import dev.vigil.vrrp.notify.StateChange;
import dev.vigil.vrrp.script.ScriptRunner;
import dev.vigil.vrrp.sync.SyncGroup;
import dev.vigil.vrrp.sync.SyncOutcome;
import dev.vigil.vrrp.time.Scheduler;
import dev.vigil.vrrp.track.InstanceTracking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every VRRP instance, sync group and tracked object of a configuration, on one event loop.
 * {@link #apply} starts what is new, stops what is gone, changes in place what can be, and leaves
 * unchanged instances alone: same state, same timers, no advert gap, no notification.
 */
public final class VrrpEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpEngine.class);
    /** How long a sync group's notify script may run (an instance's is its spec's {@code notifyTimeout}). */
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(30);

    private final Scheduler loop;
    private final Instances instances;
    private final Trackers trackers;
    private final ScriptNotifier scripts;
    private final EngineListener listener;
    private final Map<String, InstanceTracking> tracking = new LinkedHashMap<>();
    private Map<String, SyncGroup> groupOf = Map.of();
    private Map<String, EngineSpec.SyncGroupSpec> groupSpecs = Map.of();
    private volatile String notifyUser;
    private EngineSpec current = new EngineSpec(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * @param io       for blocking reads of tracked files and /proc
     * @param procRoot {@code /proc}, or a fake tree in tests
     */
    public VrrpEngine(KernelPorts kernel, Scheduler loop, ScriptRunner runner, Executor io, Path procRoot,
                      EngineListener listener) {
        this.loop = loop;
        this.listener = listener;
        this.scripts = ScriptNotifier.withUser(runner, NOTIFY_TIMEOUT, () -> notifyUser);
        this.trackers = new Trackers(loop, runner, kernel.links(), io, procRoot);
        this.instances = new Instances(kernel, loop, this::onStateChanged);
    }

    /** The user ({@code USER [GROUP]}, keepalived's {@code script_user}) notify scripts run as; null: this process's. */
    public void notifyUser(String user) {
        notifyUser = user;
    }

    /** Makes the running set match {@code next}; returns one line per change. Callable from any thread. */
    public List<String> apply(EngineSpec next) {
        return onLoop(() -> applyOnLoop(next));
    }

    private List<String> applyOnLoop(EngineSpec next) {
        List<String> changes = new ArrayList<>();
        Map<String, InstanceSpec> wanted = new LinkedHashMap<>();
        next.instances().forEach(i -> wanted.put(i.name(), i));
        for (InstanceRunner r : instances.all()) {
            InstanceSpec n = wanted.get(r.name());
            if (n == null || !InstanceUpdates.inPlace(r.spec(), n)) {
                closeTracking(r.name());
                instances.stop(r.name());
                changes.add((n == null ? "removed " : "restarted ") + r.name());
            }
        }
        trackers.update(next);
        groups(next);
        for (InstanceSpec n : next.instances()) {
            InstanceRunner r = instances.get(n.name());
            if (r == null) {
                r = instances.create(n);
                bindTracking(r);
                r.start();
                changes.add("started " + n.name());
            } else {
                if (!r.spec().equals(n)) {
                    r.update(n);
                    instances.filter(n);
                    changes.add("updated " + n.name());
                }
                closeTracking(n.name());
                bindTracking(r);
            }
        }
        current = next;
        return changes;
    }

    private void bindTracking(InstanceRunner r) {
        InstanceTracking t = new InstanceTracking(r.spec().priority(), trackers.bindings(r.spec()), loop,
                e -> r.onTracking(e.priority(), e.fault(), String.join(", ", e.faultReasons())));
        tracking.put(r.name(), t);
        var e = t.current();
        r.onTracking(e.priority(), e.fault(), String.join(", ", e.faultReasons()));
    }

    private void closeTracking(String name) {
        InstanceTracking t = tracking.remove(name);
        if (t != null) {
            t.close();
        }
    }

    /**
     * The sync groups of {@code next}. A group whose members did not change is kept as it is (its
     * state and which members faulted on their own survive the reload); a new or changed group
     * learns the states of the members that keep running, so it goes on moving them together.
     */
    private void groups(EngineSpec next) {
        Map<String, SyncGroup> previous = new LinkedHashMap<>();
        groupOf.values().forEach(g -> previous.put(g.name(), g));
        Map<String, SyncGroup> byMember = new LinkedHashMap<>();
        Map<String, EngineSpec.SyncGroupSpec> specs = new LinkedHashMap<>();
        for (EngineSpec.SyncGroupSpec g : next.groups()) {
            SyncGroup old = previous.get(g.name());
            SyncGroup group;
            if (old != null && old.memberNames().equals(List.copyOf(g.members()))) {
                group = old;
            } else {
                group = new SyncGroup(g.name(), g.members());
                for (String m : g.members()) {
                    InstanceRunner r = instances.get(m);
                    if (r != null) {
                        group.seed(m, r.state());
                    }
                }
            }
            g.members().forEach(m -> byMember.put(m, group));
            specs.put(g.name(), g);
        }
        groupOf = byMember;
        groupSpecs = specs;
    }

    private void onStateChanged(String name, VrrpState from, VrrpState to, int priority, String reason) {
        String state = to == null ? StateChange.STOP : to.name();
        InstanceRunner r = instances.get(name);
        NotifyCommands cmds = r != null ? r.spec().notifyCommands() : NotifyCommands.NONE;
        StateChange change = new StateChange(false, name, state, priority);
        scripts.notify(change, cmds, r != null ? r.spec().notifyTimeout() : NOTIFY_TIMEOUT);
        listener.stateChanged(change, from.name(), reason);
        SyncGroup g = groupOf.get(name);
        if (g != null && to != null) {
            SyncOutcome o = g.onTransition(name, new Action.Transition(from, to, reason));
            o.requests().forEach((member, req) -> loop.execute(() -> syncRequest(member, req)));
            if (o.groupStateChanged()) {
                StateChange gc = new StateChange(true, g.name(), o.groupState().name(), priority);
                scripts.notify(gc, groupSpecs.get(g.name()).notifyCommands());
                listener.stateChanged(gc, from.name(), reason);
            }
        }
    }

    private void syncRequest(String member, Input.SyncRequest req) {
        InstanceRunner r = instances.get(member);
        if (r != null) {
            r.onSyncRequest(req.target(), req.reason());
        }
    }

    /** Every instance as {@code vigil status} shows it. */
    public List<Map<String, Object>> status() {
        return onLoop(() -> instances.all().stream().map(r -> {
            Map<String, Object> m = r.status();
            SyncGroup g = groupOf.get(r.name());
            if (g != null) {
                m.put("sync_group", g.name());
            }
            return m;
        }).toList());
    }

    /** Every sync group as {@code vigil status} shows it: name, state and its members with their states. */
    public List<Map<String, Object>> syncGroups() {
        return onLoop(() -> new java.util.LinkedHashSet<>(groupOf.values()).stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sync_group", g.name());
            m.put("state", g.state().name());
            List<String> members = new ArrayList<>();
            groupSpecs.get(g.name()).members().forEach(member -> {
                InstanceRunner r = instances.get(member);
                members.add(member + "=" + (r == null ? "-" : r.status().get("state")));
            });
            m.put("members", members);
            return m;
        }).toList());
    }

    /** The spec last applied. */
    public EngineSpec current() {
        return current;
    }

    /** Stops every instance (masters send priority 0 and remove their addresses) and every tracker. */
    @Override
    public void close() {
        onLoop(() -> {
            for (InstanceRunner r : instances.all()) {
                closeTracking(r.name());
                instances.stop(r.name());
            }
            trackers.close();
            return null;
        });
    }

    private <T> T onLoop(Supplier<T> work) {
        if (loop.inLoop()) {
            return work.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
