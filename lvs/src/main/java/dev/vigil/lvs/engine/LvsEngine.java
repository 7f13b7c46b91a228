package dev.vigil.lvs.engine;

import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.ipvs.SyncState;
import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.lvs.check.CheckRunner;
import dev.vigil.lvs.check.LoopTimers;
import dev.vigil.lvs.check.RealServerChecks;
import dev.vigil.lvs.reconcile.DesiredTable;
import dev.vigil.lvs.reconcile.IpvsReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Runs the virtual servers: their checks, health state and scripts, and keeps the kernel's IPVS
 * table equal to what they want through an {@link IpvsReconciler} (adopting what is there at
 * start, flushing only when asked). Reloads go by difference: a virtual server whose plan is
 * unchanged keeps its state and checks; the table is then reconciled, so a reload that changes
 * nothing writes nothing. Every method runs on the loop of {@link LoopTimers}.
 */
public final class LvsEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LvsEngine.class);

    private final IpvsTable table;
    private final IpvsReconciler reconciler;
    private final LoopTimers timers;
    private final RealServerChecks.RunnerFactory runners;
    private final ScriptLauncher scripts;
    private final LvsEvents events;
    private final Map<String, VirtualServerRuntime> running = new LinkedHashMap<>();
    private LvsSpec spec = LvsSpec.EMPTY;
    private Set<InetAddress> present = Set.of();
    private Optional<SyncDaemon> sync = Optional.empty();
    private boolean reconcileQueued;
    private boolean started;
    private long reconciles;
    private long writes;
    private long writeFailures;

    public LvsEngine(IpvsTable table, LoopTimers timers, Clock clock, CheckerFactory checkers, ScriptLauncher scripts,
                     LvsEvents events, LongUnaryOperator random) {
        this.table = Objects.requireNonNull(table, "table");
        this.reconciler = new IpvsReconciler(table);
        this.timers = Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(checkers, "checkers");
        Objects.requireNonNull(random, "random");
        this.runners = (CheckPlan p, boolean up, CheckRunner.Listener l) ->
                new CheckRunner(p, checkers.create(p), up, timers, clock, random, l);
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Applies {@code next}: the first call starts (flush and timeouts as asked), later ones reload. */
    public List<String> apply(LvsSpec next) {
        Objects.requireNonNull(next, "next");
        List<String> changes = new ArrayList<>();
        if (!started) {
            started = true;
            if (next.flushAtStart()) {
                table.flush();
                changes.add("IPVS table flushed (lvs_flush)");
            }
        }
        if (!next.timeouts().equals(spec.timeouts())) {
            next.timeouts().ifPresent(t -> {
                table.setTimeouts(t);
                changes.add("timeouts " + t);
            });
        }
        Map<String, VirtualServerRuntime> old = new LinkedHashMap<>(running);
        running.clear();
        for (VirtualServerPlan p : next.virtualServers()) {
            VirtualServerRuntime kept = old.remove(p.name());
            if (kept != null && kept.plan().equals(p)) {
                running.put(p.name(), kept);
                continue;
            }
            if (kept != null) {
                kept.close();
            }
            changes.add((kept == null ? "added " : "changed ") + p.name());
            running.put(p.name(), startOne(p));
        }
        old.forEach((name, r) -> {
            r.close();
            changes.add("removed " + name);
        });
        spec = next;
        reconcileNow();
        return changes;
    }

    private VirtualServerRuntime startOne(VirtualServerPlan p) {
        VirtualServerRuntime r = new VirtualServerRuntime(p, runners, scripts, events, this::requestReconcile);
        r.start();
        r.addressesPresent(p.addresses().stream().anyMatch(present::contains));
        return r;
    }

    /** The addresses on this machine now (the VIPs of the VRRP instances that are master), for ha_suspend. */
    public void presentAddresses(Set<InetAddress> addresses) {
        present = Set.copyOf(addresses);
        for (VirtualServerRuntime r : running.values()) {
            r.addressesPresent(r.plan().addresses().stream().anyMatch(present::contains));
        }
    }

    /** The IPVS sync daemon that should run now (lvs_sync_daemon), or none; others are stopped. */
    public void syncDaemon(Optional<SyncDaemon> wanted) {
        Objects.requireNonNull(wanted, "wanted");
        if (wanted.equals(sync)) {
            return;
        }
        for (SyncDaemon d : table.listDaemons()) {
            if (wanted.isEmpty() || !d.equals(wanted.get())) {
                table.stopDaemon(d.state());
            }
        }
        wanted.ifPresent(d -> {
            if (!table.listDaemons().contains(d)) {
                table.startDaemon(d);
            }
        });
        LOG.info("IPVS sync daemon: {}", wanted.map(d -> d.state() + " on " + d.interfaceName()).orElse("none"));
        sync = wanted;
    }

    private void requestReconcile() {
        if (!reconcileQueued) {
            reconcileQueued = true;
            timers.execute(this::reconcileNow);
        }
    }

    private void reconcileNow() {
        reconcileQueued = false;
        DesiredTable.Builder b = DesiredTable.builder();
        running.values().forEach(r -> r.desired().forEach(e -> b.service(e.service(), e.destinations())));
        IpvsReconciler.Result result = reconciler.reconcile(b.build());
        reconciles++;
        writes += result.ops().size();
        writeFailures += result.failures().size();
        result.ops().forEach(op -> LOG.info("IPVS: {}", op.describe()));
    }

    /** One row per virtual server. */
    public List<Map<String, Object>> virtualServerRows() {
        return running.values().stream().map(VirtualServerRuntime::row).toList();
    }

    /** One row per real server. */
    public List<Map<String, Object>> realServerRows() {
        return running.values().stream().flatMap(r -> r.realServerRows().stream()).toList();
    }

    /** Every checker of every real server, for metrics. */
    public List<CheckStatus> checkStatuses() {
        return running.values().stream().flatMap(r -> r.checkStatuses().stream()).toList();
    }

    /** Reconcile passes, IPVS writes and refused writes since start. */
    public Map<String, Long> counters() {
        return Map.of("reconciles", reconciles, "writes", writes, "write_failures", writeFailures);
    }

    /**
     * Stops the checks; runs the omega scripts; with {@code lvs_flush_onstop} removes the managed
     * services, otherwise leaves the table as it is. Stops the sync daemon it started.
     */
    @Override
    public void close() {
        running.values().forEach(VirtualServerRuntime::close);
        running.values().forEach(VirtualServerRuntime::omegaScripts);
        if (spec.flushOnStop()) {
            running.clear();
            reconcileNow();
        }
        running.clear();
        sync.ifPresent(d -> table.stopDaemon(d.state()));
        sync = Optional.empty();
    }

    /** For status: the sync daemon's state, or "none". */
    public String syncState() {
        return sync.map(SyncDaemon::state).map(SyncState::toString).orElse("none");
    }
}
