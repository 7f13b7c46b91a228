package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.Subsystem;
import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.lvs.engine.LvsEngine;
import dev.vigil.lvs.engine.LvsEvents;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;
import dev.vigil.vrrp.engine.EngineListener;
import dev.vigil.vrrp.notify.StateChange;
import dev.vigil.vrrp.script.ProcessScriptRunner;
import dev.vigil.vrrp.time.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * LVS in the daemon: the configuration's virtual servers run by an {@link LvsEngine} on the "lvs"
 * event loop, with checkers from plugins and notify scripts through {@link ProcessScriptRunner}.
 * VRRP state changes decide ha_suspend and the lvs_sync_daemon role ({@link VrrpTies}). A
 * configuration without virtual servers, lvs_flush or lvs_sync_daemon leaves IPVS untouched (the
 * table is not even opened), so VRRP-only machines need no ip_vs module.
 */
public final class LvsSubsystem implements Subsystem {
    private static final Logger LOG = LoggerFactory.getLogger(LvsSubsystem.class);

    private final PluginHost plugins;
    private final VrrpStates vrrp;
    private final Supplier<IpvsTable> tables;
    private final LvsEvents checkers;
    private volatile CheckerLabels labels = CheckerLabels.EMPTY;
    private final Map<String, String> instanceStates = new HashMap<>();
    private final EngineListener listener = this::vrrpChanged;
    private IpvsTable table;
    private EventLoop loop;
    private LoopAdapter timers;
    private ProcessScriptRunner runner;
    private LvsEngine engine;
    private volatile VigilConfig current;
    private String node = "localhost";

    public LvsSubsystem(PluginHost plugins, VrrpStates vrrp) {
        this(plugins, vrrp, NetlinkIpvs::open);
    }

    /** LVS whose health transitions also go to {@code checkers}, with keepalived's names. */
    public LvsSubsystem(PluginHost plugins, VrrpStates vrrp, LvsEvents checkers) {
        this(plugins, vrrp, NetlinkIpvs::open, checkers);
    }

    /** @param tables opens the IPVS table, the first time one is needed */
    public LvsSubsystem(PluginHost plugins, VrrpStates vrrp, Supplier<IpvsTable> tables) {
        this(plugins, vrrp, tables, LvsEvents.NONE);
    }

    /**
     * @param tables   opens the IPVS table, the first time one is needed
     * @param checkers hears real server and quorum transitions, named as keepalived names them
     *                 ({@link CheckerLabels}); called on the LVS loop
     */
    public LvsSubsystem(PluginHost plugins, VrrpStates vrrp, Supplier<IpvsTable> tables, LvsEvents checkers) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.vrrp = Objects.requireNonNull(vrrp, "vrrp");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.checkers = Objects.requireNonNull(checkers, "checkers");
    }

    @Override
    public String name() {
        return "lvs";
    }

    @Override
    public void start(VigilConfig config) {
        loop = new EventLoop("lvs");
        timers = new LoopAdapter(loop);
        vrrp.subscribe(listener);
        apply(config);
    }

    private static boolean needsIpvs(VigilConfig c) {
        return !c.virtualServer().isEmpty() || c.globalDefs().lvsFlush() || c.globalDefs().lvsSyncDaemon() != null;
    }

    private List<String> apply(VigilConfig config) {
        current = config;
        labels = CheckerLabels.of(config);
        if (engine == null && !needsIpvs(config)) {
            return List.of();
        }
        return timers.call(() -> {
            if (engine == null) {
                open(config);
            }
            List<String> changes = engine.apply(LvsPlans.of(config));
            VrrpTies.apply(engine, config, instanceStates);
            return changes;
        });
    }

    private void open(VigilConfig config) {
        table = tables.get();
        runner = new ProcessScriptRunner(4);
        String routerId = config.globalDefs().routerId();
        node = routerId != null ? routerId : hostName();
        engine = new LvsEngine(table, timers, Clock.systemUTC(), this::checker,
                new ProcessScripts(runner, config.globalDefs().scriptUser()), new NamedEvents(),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private HealthChecker checker(CheckPlan plan) {
        HealthCheckerFactory f = plugins.checkers().get(plan.type());
        if (f == null) {
            throw new IllegalArgumentException("no plugin handles checker type " + plan.type() + " (known: "
                    + String.join(", ", new TreeSet<>(plugins.checkers().keySet())) + ")");
        }
        return f.create(plan.section(), plugins.context(node));
    }

    private void vrrpChanged(StateChange change, String from, String reason) {
        if (change.group()) {
            return;
        }
        loop.execute(() -> {
            instanceStates.put(change.name(), change.state());
            if (engine != null) {
                VrrpTies.apply(engine, current, instanceStates);
            }
        });
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        try {
            List<String> changes = apply(next);
            return ReloadOutcome.applied(changes.isEmpty() ? List.of("no change") : changes);
        } catch (RuntimeException e) {
            LOG.error("LVS reload failed: {}", e.getMessage());
            return ReloadOutcome.refused(List.of(e.getMessage()));
        }
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (engine == null) {
            m.put("virtual_servers", List.of());
            return m;
        }
        return timers.call(() -> {
            m.put("sync_daemon", engine.syncState());
            m.put("ipvs", engine.counters());
            m.put("virtual_servers", engine.virtualServerRows());
            m.put("real_servers", engine.realServerRows());
            List<LvsMetrics.KernelService> kernel = kernelServices();
            m.put("ipvs_table", kernel == null ? List.of(Map.of("error", "cannot read the IPVS table")) : observed(kernel));
            return m;
        });
    }

    /** Vigil's view of the virtual servers and checkers, and the kernel's IPVS counters; empty without virtual servers. */
    @Override
    public String metrics() {
        if (engine == null) {
            return "";
        }
        return timers.call(() -> LvsMetrics.render(engine.virtualServerRows(), engine.realServerRows(),
                engine.checkStatuses(), engine.counters(), kernelServices()));
    }

    /** The kernel's IPVS table as it is now: one row per destination (a service without any gets one row too). */
    private static List<Map<String, Object>> observed(List<LvsMetrics.KernelService> kernel) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (LvsMetrics.KernelService k : kernel) {
            if (k.destinations().isEmpty()) {
                rows.add(row(k, null));
            }
            k.destinations().forEach(d -> rows.add(row(k, d)));
        }
        return rows;
    }

    private static Map<String, Object> row(LvsMetrics.KernelService k, dev.vigil.kernel.ipvs.Destination d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", k.service().key().describe());
        m.put("scheduler", k.service().scheduler());
        m.put("destination", d == null ? null : d.describe());
        m.put("forward", d == null ? null : d.forward().toString());
        m.put("weight", d == null ? null : d.weight());
        m.put("active_conns", d == null ? null : d.activeConns());
        m.put("inactive_conns", d == null ? null : d.inactiveConns());
        m.put("conns", d == null ? k.service().stats().conns() : d.stats().conns());
        return m;
    }

    /** The kernel's services and destinations with their counters, or null (logged) when the table cannot be read. */
    private List<LvsMetrics.KernelService> kernelServices() {
        try {
            return table.listServices().stream()
                    .map(s -> new LvsMetrics.KernelService(s, table.listDestinations(s))).toList();
        } catch (RuntimeException e) {
            LOG.warn("metrics: cannot read the IPVS table: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        vrrp.unsubscribe(listener);
        if (engine != null) {
            timers.call(() -> {
                engine.close();
                return null;
            });
        }
        if (runner != null) {
            runner.close();
        }
        if (loop != null) {
            loop.close();
        }
        if (table != null) {
            table.close();
        }
    }

    /** Health transitions in the log, then to {@link #checkers} with keepalived's names. */
    private final class NamedEvents implements LvsEvents {
        @Override
        public void realServer(String virtualServer, String realServer, boolean up, String reason) {
            LOG.info("{}: real server {} {} ({})", virtualServer, realServer, up ? "up" : "down", reason);
            CheckerLabels l = labels;
            checkers.realServer(l.virtualServerLabel(virtualServer), l.realServerLabel(virtualServer, realServer), up,
                    reason);
        }

        @Override
        public void quorum(String virtualServer, boolean up, int liveWeight) {
            LOG.info("{}: quorum {} (live weight {})", virtualServer, up ? "gained" : "lost", liveWeight);
            checkers.quorum(labels.virtualServerLabel(virtualServer), up, liveWeight);
        }
    }
}
