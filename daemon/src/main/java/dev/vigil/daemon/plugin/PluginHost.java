package dev.vigil.daemon.plugin;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionValidator;
import dev.vigil.plugin.PluginApi;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.check.HealthCheckerFactory;
import dev.vigil.plugin.notify.NotifierFactory;
import dev.vigil.plugin.vip.VipBackendFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The plugins of one run: extensions found by PF4J in the plugins directory (archives whose
 * {@code Plugin-Requires} admits {@link PluginApi#VERSION}) and on the class path (PF4J's index or
 * {@link ServiceLoader}), by extension point and section type; the first one found for a type
 * wins. Gives the configuration loader their validators and hands plugins an immutable
 * {@link PluginContext}.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final PluginManager manager;
    private final Map<String, HealthCheckerFactory> checkers = new LinkedHashMap<>();
    private final Map<String, NotifierFactory> notifiers = new LinkedHashMap<>();
    private final Map<String, VipBackendFactory> vipBackends = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService blocking;
    private final PluginWorkDir workDir;
    private final List<String> loaded;
    private final List<String> failures;
    private boolean closed;

    private PluginHost(PluginManager manager, List<?> extensions) {
        this(manager, extensions, null, List.of(), List.of());
    }

    private PluginHost(PluginManager manager, List<?> extensions, PluginWorkDir workDir, List<String> loaded,
                       List<String> failures) {
        this.manager = manager;
        this.workDir = workDir;
        this.loaded = List.copyOf(loaded);
        this.failures = List.copyOf(failures);
        for (Object e : extensions) {
            if (e instanceof HealthCheckerFactory f) {
                checkers.putIfAbsent(f.type(), f);
            } else if (e instanceof NotifierFactory f) {
                notifiers.putIfAbsent(f.type(), f);
            } else if (e instanceof VipBackendFactory f) {
                vipBackends.putIfAbsent(f.type(), f);
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("vigil-plugin-timer"));
        blocking = Executors.newFixedThreadPool(8, daemonThreads("vigil-plugin-blocking"));
    }

    /**
     * Plugins from {@code directory} (when it exists) and the class path. PF4J works on a private
     * copy of the directory ({@link PluginWorkDir}); a plugin that fails to load or start is logged
     * and listed in {@link #failures()}, and the others load.
     */
    public static PluginHost load(Optional<Path> directory) {
        List<Object> found = new ArrayList<>();
        PluginManager manager = null;
        PluginWorkDir work = null;
        List<String> loaded = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (directory.isPresent() && Files.isDirectory(directory.get())) {
            try {
                work = PluginWorkDir.of(directory.get(), Path.of(System.getProperty("java.io.tmpdir")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot copy the plugins of " + directory.get() + ": " + e, e);
            }
            manager = new DefaultPluginManager(work.dir());
            manager.setSystemVersion(PluginApi.VERSION);
            manager.loadPlugins();
            manager.startPlugins();
            found.addAll(manager.getExtensions(HealthCheckerFactory.class));
            found.addAll(manager.getExtensions(NotifierFactory.class));
            found.addAll(manager.getExtensions(VipBackendFactory.class));
            java.util.Set<Path> seen = new java.util.HashSet<>();
            for (PluginWrapper p : manager.getPlugins()) {
                Path source = work.sourceOf(p.getPluginPath());
                seen.add(source);
                String what = p.getPluginId() + " " + p.getDescriptor().getVersion();
                if (p.getPluginState() == PluginState.STARTED) {
                    loaded.add(what);
                } else if (p.getPluginState() != PluginState.DISABLED) {
                    failures.add(source.getFileName() + ": " + what + " is " + p.getPluginState()
                            + (p.getFailedException() == null ? "" : ": " + p.getFailedException()));
                }
            }
            for (Path e : work.entries()) {
                if (!seen.contains(e)) {
                    failures.add(e.getFileName() + ": not a loadable plugin (see the log)");
                }
            }
            LOG.info("plugins from {}: {}", directory.get(), loaded);
            failures.forEach(f -> LOG.warn("plugin not loaded: {}", f));
        }
        ServiceLoader.load(HealthCheckerFactory.class).forEach(found::add);
        ServiceLoader.load(NotifierFactory.class).forEach(found::add);
        ServiceLoader.load(VipBackendFactory.class).forEach(found::add);
        return new PluginHost(manager, found, work, loaded, failures);
    }

    /** The plugins loaded and started from the plugins directory, as "ID VERSION". */
    public List<String> loaded() {
        return loaded;
    }

    /** The archives or folders of the plugins directory that did not give a started plugin, and why. */
    public List<String> failures() {
        return failures;
    }

    /** A host with exactly these extensions (tests). */
    public static PluginHost of(List<?> extensions) {
        return new PluginHost(null, extensions);
    }

    public Map<String, HealthCheckerFactory> checkers() {
        return Map.copyOf(checkers);
    }

    public Map<String, NotifierFactory> notifiers() {
        return Map.copyOf(notifiers);
    }

    public Map<String, VipBackendFactory> vipBackends() {
        return Map.copyOf(vipBackends);
    }

    /** The validators of every loaded section type, for {@link ConfigLoader#ConfigLoader(List)}. */
    public List<SectionValidator> validators() {
        List<SectionValidator> v = new ArrayList<>();
        checkers.values().forEach(f -> v.add(new PluginValidator(SectionKind.CHECKER, f.type(), f::validate)));
        notifiers.values().forEach(f -> v.add(new PluginValidator(SectionKind.NOTIFIER, f.type(), f::validate)));
        vipBackends.values().forEach(f -> v.add(new PluginValidator(SectionKind.VIP_BACKEND, f.type(), f::validate)));
        return v;
    }

    /** A loader validating plugin sections and refusing section types no plugin handles. */
    public Function<Path, dev.vigil.conf.LoadResult> loader() {
        return loader(null);
    }

    /** {@link #loader()} with keepalived's {@code @ID} lines compared against {@code configId} (or none when null). */
    public Function<Path, dev.vigil.conf.LoadResult> loader(String configId) {
        ConfigLoader loader = new ConfigLoader(validators());
        return file -> KnownTypes.check(loader.load(file, configId), checkers.keySet(), notifiers.keySet(),
                vipBackends.keySet());
    }

    /** The context handed to plugins: immutable, nothing of PF4J. */
    public PluginContext context(String nodeName) {
        Path work = Path.of(System.getProperty("vigil.workdir", "/var/lib/vigil")).resolve("plugins");
        return new PluginContext(Objects.requireNonNull(nodeName, "nodeName"), Clock.systemUTC(), scheduler, blocking,
                work);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the plugins and removes their private copy; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        blocking.shutdownNow();
        if (manager != null) {
            stopPlugins(manager);
            manager.unloadPlugins();
        }
        if (workDir != null) {
            workDir.close();
        }
    }

    /**
     * Stops the started plugins one by one, last started first: pf4j 3.15's own
     * {@code stopPlugins()} fails with a ConcurrentModificationException as soon as one is started.
     */
    private static void stopPlugins(PluginManager manager) {
        List<String> started = manager.getStartedPlugins().stream().map(p -> p.getPluginId()).toList();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                manager.stopPlugin(started.get(i));
            } catch (RuntimeException e) {
                LOG.warn("plugin {} failed to stop: {}", started.get(i), e.toString());
            }
        }
    }
}
