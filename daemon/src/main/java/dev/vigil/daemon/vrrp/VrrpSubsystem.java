package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.daemon.runtime.Subsystem;
import dev.vigil.daemon.vip.VipBackends;
import dev.vigil.daemon.vip.VipRecordFile;
import dev.vigil.vrrp.engine.EngineSpec;
import dev.vigil.vrrp.engine.VrrpEngine;
import dev.vigil.vrrp.script.ProcessScriptRunner;
import dev.vigil.vrrp.time.EventLoop;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VRRP in the daemon: resolves the configuration, runs the engine on its own event loop and
 * applies reloads by difference.
 */
public final class VrrpSubsystem implements Subsystem {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpSubsystem.class);

    private final dev.vigil.vrrp.engine.EngineListener others;
    private final PluginHost plugins;
    private final Path recordFile;
    private RealKernelPorts kernel;
    private BackendPorts ports;
    private EventLoop loop;
    private ProcessScriptRunner scripts;
    private ExecutorService io;
    private VrrpEngine engine;
    private final NotifyFifos fifos = new NotifyFifos();
    /** Per instance, transitions counted by {@code FROM->TO}. */
    private final Map<String, Map<String, Long>> transitions = new java.util.concurrent.ConcurrentHashMap<>();

    /** A VRRP subsystem whose state changes only go to the log. */
    public VrrpSubsystem() {
        this((change, from, reason) -> { });
    }

    /** A VRRP subsystem that also tells {@code others} (LVS, notifiers) of every state change. */
    public VrrpSubsystem(dev.vigil.vrrp.engine.EngineListener others) {
        this(others, null, null);
    }

    /**
     * A VRRP subsystem with VIP backends from {@code plugins} (null: netlink only) that records the
     * addresses it places in {@code recordFile} (null: no record) and, at start, removes the ones a
     * previous run left there.
     */
    public VrrpSubsystem(dev.vigil.vrrp.engine.EngineListener others, PluginHost plugins, Path recordFile) {
        this.others = java.util.Objects.requireNonNull(others, "others");
        this.plugins = plugins;
        this.recordFile = recordFile;
    }

    private LocalIgmp localIgmp;

    @Override
    public String name() {
        return "vrrp";
    }

    /**
     * keepalived's notify FIFOs as a listener of health transitions: {@code notify_fifo} and
     * {@code lvs_notify_fifo} get the checker lines ({@code RS ...}, {@code VS ...}) in the same
     * stream as the VRRP lines. Non-blocking.
     */
    public dev.vigil.lvs.engine.LvsEvents checkerFifos() {
        return fifos;
    }

    @Override
    public void start(VigilConfig config) {
        kernel = RealKernelPorts.open();
        localIgmp = new LocalIgmp(kernel.sysctl());
        localIgmp.configure(config.globalDefs().disableLocalIgmp());
        ports = new BackendPorts(kernel, plugins,
                recordFile == null ? VipRecordFile.inMemory() : VipRecordFile.open(recordFile));
        ports.configure(config);
        if (recordFile != null) {
            ports.removeStale(config);
        }
        loop = new EventLoop("vrrp");
        scripts = new ProcessScriptRunner(8);
        io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vrrp-io");
            t.setDaemon(true);
            return t;
        });
        engine = new VrrpEngine(ports, loop, scripts, io, Path.of("/proc"),
                (change, from, reason) -> {
                    LOG.debug("{} {} {} -> {} ({})", change.kind(), change.name(), from, change.state(), reason);
                    countTransition(change, from);
                    fifos.notify(change);
                    others.stateChanged(change, from, reason);
                });
        List<String> changes = engine.apply(spec(config));
        ports.retireAllBut(names(config));
        LOG.info("VRRP: {}", changes.isEmpty() ? "no instances" : String.join(", ", changes));
    }

    private void countTransition(dev.vigil.vrrp.notify.StateChange change, String from) {
        if (!change.group()) {
            transitions.computeIfAbsent(change.name(), k -> new java.util.concurrent.ConcurrentSkipListMap<>())
                    .merge(from + "->" + change.state(), 1L, Long::sum);
        }
    }

    private EngineSpec spec(VigilConfig config) {
        fifos.configure(config.globalDefs());
        engine.notifyUser(config.globalDefs().scriptUser());
        EngineSpecs.warnings(config).forEach(w -> LOG.warn("{}", w));
        return EngineSpecs.of(config, kernel.links()::indexOf);
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        try {
            ports.configure(next);
            localIgmp.configure(next.globalDefs().disableLocalIgmp());
            List<String> changes = engine.apply(spec(next));
            ports.retireAllBut(names(next));
            return ReloadOutcome.applied(changes.isEmpty() ? List.of("no change") : changes);
        } catch (RuntimeException e) {
            LOG.error("VRRP reload failed: {}", e.getMessage());
            return ReloadOutcome.refused(List.of(e.getMessage()));
        }
    }

    private static java.util.Set<String> names(VigilConfig config) {
        return config.vrrpInstance().stream().filter(i -> VipBackends.identity(i.vipBackend()) != null)
                .map(dev.vigil.conf.model.VrrpInstance::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Instances (desired VIPs in {@code vips}, the ones the kernel has now in {@code vips_present}),
     * sync groups and the VIP backends' counters.
     */
    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (ports != null && !ports.status().isEmpty()) {
            m.put("vip_backends", ports.status());
        }
        if (engine == null) {
            m.put("instances", List.of());
            return m;
        }
        List<Map<String, Object>> rows = engine.status();
        ObservedVips.annotate(rows, engine.current());
        m.put("instances", rows);
        m.put("sync_groups", engine.syncGroups());
        return m;
    }

    @Override
    public String metrics() {
        if (engine == null) {
            return "";
        }
        return VrrpMetrics.render(engine.status(), transitions);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        if (ports != null) {
            ports.drainAll();
            ports.closeRecord();
        }
        fifos.close();
        if (scripts != null) {
            scripts.close(java.time.Duration.ofSeconds(10));
        }
        if (io != null) {
            io.shutdownNow();
        }
        if (loop != null) {
            loop.close();
        }
        if (localIgmp != null) {
            localIgmp.restore();
        }
        if (kernel != null) {
            kernel.close();
        }
    }
}
