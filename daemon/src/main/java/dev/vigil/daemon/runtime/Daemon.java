package dev.vigil.daemon.runtime;

import dev.vigil.conf.ConfigException;
import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.Diagnostic;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.metrics.MetricsWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Owns the subsystems, the configuration file and the model in effect. Subsystems start in list
 * order and stop in reverse; reloads are serialized and a file with errors changes nothing.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private enum State { NEW, RUNNING, STOPPED }

    private final Path configFile;
    private final Function<Path, LoadResult> loader;
    private final ConfigCheck check;
    private final List<Subsystem> subsystems;
    private final List<Subsystem> started = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicLong reloadsApplied = new AtomicLong();
    private final AtomicLong reloadsRefused = new AtomicLong();
    private volatile State state = State.NEW;
    private volatile VigilConfig current;
    private volatile Instant startedAt;
    private volatile Map<String, Object> lastReload;

    /**
     * A daemon over {@code configFile}.
     *
     * @param loader     reads and validates the file (normally {@code ConfigLoader.builtin()::load})
     * @param check      host checks of a valid model (interfaces exist), run at start and on reload
     * @param subsystems started in this order, names unique
     */
    public Daemon(Path configFile, Function<Path, LoadResult> loader, ConfigCheck check, List<Subsystem> subsystems) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.check = Objects.requireNonNull(check, "check");
        this.subsystems = List.copyOf(subsystems);
        var names = new HashSet<String>();
        for (Subsystem s : this.subsystems) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two subsystems named " + s.name());
            }
        }
    }

    /** A daemon with the built-in configuration loader and the sysfs interface check. */
    public static Daemon of(Path configFile, List<Subsystem> subsystems) {
        return new Daemon(configFile, ConfigLoader.builtin()::load, InterfaceCheck.sysfs(), subsystems);
    }

    public Path configFile() {
        return configFile;
    }

    public List<Subsystem> subsystems() {
        return subsystems;
    }

    /** The model in effect, once started. */
    public Optional<VigilConfig> config() {
        return Optional.ofNullable(current);
    }

    /**
     * Loads, validates and checks the file.
     *
     * @throws StartupException with every diagnostic (FILE:LINE:COL lines) or host problem
     */
    public VigilConfig load() {
        Loaded loaded = loadChecked();
        if (loaded.config == null) {
            throw new StartupException(loaded.problems, null);
        }
        return loaded.config;
    }

    /** Loads the file and starts every subsystem with it. */
    public void start() {
        start(load());
    }

    /**
     * Starts every subsystem with {@code config}, in order. When one fails, those already started are
     * closed in reverse order and a {@link StartupException} names the failing subsystem.
     */
    public void start(VigilConfig config) {
        Objects.requireNonNull(config, "config");
        lock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException("daemon already " + state.name().toLowerCase());
            }
            for (Subsystem s : subsystems) {
                startOne(s, config);
            }
            current = config;
            startedAt = Instant.now();
            state = State.RUNNING;
            LOG.info("started with {} ({} subsystems)", configFile, subsystems.size());
        } finally {
            lock.unlock();
        }
    }

    private void startOne(Subsystem s, VigilConfig config) {
        try {
            s.start(config);
            started.add(s);
        } catch (Exception e) {
            closeStarted();
            state = State.STOPPED;
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new StartupException(List.of(s.name() + ": " + why), e);
        }
    }

    /**
     * Reloads the file: with errors nothing changes and the diagnostics are the reasons; otherwise
     * each subsystem applies the difference and the new model is kept. The outcome is ok when every
     * subsystem applied its part. Concurrent calls run one after another.
     */
    public ReloadOutcome reload() {
        lock.lock();
        try {
            ReloadOutcome outcome = state == State.RUNNING ? reloadLocked()
                    : ReloadOutcome.refused(List.of("the daemon is " + state.name().toLowerCase()));
            record(outcome);
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    private ReloadOutcome reloadLocked() {
        Loaded loaded = loadChecked();
        if (loaded.config == null) {
            return ReloadOutcome.refused(loaded.problems);
        }
        VigilConfig previous = current;
        VigilConfig next = loaded.config;
        boolean ok = true;
        List<String> messages = new ArrayList<>(loaded.problems);
        for (Subsystem s : started) {
            ReloadOutcome part = reloadOne(s, previous, next);
            ok &= part.ok();
            part.messages().forEach(m -> messages.add(s.name() + ": " + m));
        }
        current = next;
        if (messages.isEmpty()) {
            messages.add(configFile + " reloaded");
        }
        return new ReloadOutcome(ok, messages);
    }

    private static ReloadOutcome reloadOne(Subsystem s, VigilConfig previous, VigilConfig next) {
        try {
            return Objects.requireNonNull(s.reload(previous, next), "reload outcome");
        } catch (RuntimeException e) {
            LOG.error("{}: reload failed", s.name(), e);
            return ReloadOutcome.refused(List.of("reload failed: " + e));
        }
    }

    private void record(ReloadOutcome outcome) {
        (outcome.ok() ? reloadsApplied : reloadsRefused).incrementAndGet();
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("at", Instant.now().toString());
        last.put("ok", outcome.ok());
        last.put("messages", outcome.messages());
        lastReload = last;
        if (outcome.ok()) {
            LOG.info("reload of {} applied: {}", configFile, outcome.messages());
        } else {
            LOG.warn("reload of {} refused:\n  {}", configFile, String.join("\n  ", outcome.messages()));
        }
    }

    private record Loaded(VigilConfig config, List<String> problems) {
    }

    /** The model with its warnings, or null with every problem. */
    private Loaded loadChecked() {
        LoadResult result;
        try {
            result = loader.apply(configFile);
        } catch (ConfigException e) {
            return new Loaded(null, List.of(e.getMessage()));
        }
        List<String> lines = result.diagnostics().stream().map(Diagnostic::toString).toList();
        if (!result.ok()) {
            return new Loaded(null, lines);
        }
        List<String> problems = check.problems(result.config());
        if (!problems.isEmpty()) {
            return new Loaded(null, problems);
        }
        return new Loaded(result.config(), lines);
    }

    /** Closes the started subsystems in reverse order; later calls do nothing. */
    public void stop() {
        lock.lock();
        try {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            closeStarted();
            LOG.info("stopped");
        } finally {
            lock.unlock();
        }
    }

    private void closeStarted() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Subsystem s = started.get(i);
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.error("{}: close failed", s.name(), e);
            }
        }
        started.clear();
    }

    /** True between a successful start and stop. */
    public boolean running() {
        return state == State.RUNNING;
    }

    /** The daemon's own state and each subsystem's status, JSON-able. */
    public Map<String, Object> status() {
        Map<String, Object> daemon = new LinkedHashMap<>();
        daemon.put("pid", ProcessHandle.current().pid());
        daemon.put("state", state.name().toLowerCase());
        daemon.put("config", configFile.toString());
        daemon.put("started_at", startedAt == null ? null : startedAt.toString());
        daemon.put("reloads", Map.of("applied", reloadsApplied.get(), "refused", reloadsRefused.get()));
        daemon.put("last_reload", lastReload);
        Map<String, Object> subs = new LinkedHashMap<>();
        for (Subsystem s : subsystems) {
            subs.put(s.name(), subsystemStatus(s));
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("daemon", daemon);
        status.put("subsystems", subs);
        return status;
    }

    private static Map<String, Object> subsystemStatus(Subsystem s) {
        try {
            return s.status();
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Prometheus text format 0.0.4: the daemon's own families (up, build info, start time, reloads),
     * then each subsystem's lines as it wrote them. A subsystem whose lines fail, or repeat a
     * family already written, is left out (and logged), so the text stays valid.
     */
    public String metrics() {
        MetricsWriter w = new MetricsWriter();
        w.gauge("vigil_up", "1 while the daemon is running.").sample(running() ? 1 : 0);
        w.gauge("vigil_build_info", "Always 1; the labels give the build.")
                .sample(1, "version", BuildInfo.version(), "java", System.getProperty("java.version"));
        w.gauge("vigil_process_start_time_seconds", "Start time of the process, seconds since the epoch.")
                .sample(ProcessHandle.current().info().startInstant().map(Daemon::seconds).orElse(0.0));
        w.gauge("vigil_start_time_seconds", "When the subsystems started, seconds since the epoch (0 before).")
                .sample(startedAt == null ? 0 : seconds(startedAt));
        w.counter("vigil_reloads_total", "Configuration reloads by result: applied or refused.");
        w.sample(reloadsApplied.get(), "result", "applied").sample(reloadsRefused.get(), "result", "refused");
        Map<String, Object> last = lastReload;
        w.gauge("vigil_last_reload_success", "1 when the last reload was applied (or none was asked yet), 0 when refused.")
                .sample(last == null || Boolean.TRUE.equals(last.get("ok")) ? 1 : 0);
        w.gauge("vigil_last_reload_timestamp_seconds", "When the last reload was asked, seconds since the epoch (0: never).")
                .sample(last == null ? 0 : seconds(Instant.parse((String) last.get("at"))));
        for (Subsystem s : subsystems) {
            try {
                w.raw(s.metrics());
            } catch (RuntimeException e) {
                LOG.warn("{}: metrics left out: {}", s.name(), e.getMessage());
            }
        }
        return w.toString();
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
