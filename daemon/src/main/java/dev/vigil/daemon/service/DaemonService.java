package dev.vigil.daemon.service;

import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.control.ControlServer;
import dev.vigil.daemon.control.ControlTarget;
import dev.vigil.daemon.http.HttpEndpoint;
import dev.vigil.daemon.runtime.Daemon;
import dev.vigil.daemon.runtime.PidFile;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.StartupException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link Daemon} with its pid file, control socket and optional HTTP endpoint. {@link #start}
 * takes them in that order, then starts the subsystems; {@link #close} releases them in reverse.
 */
public final class DaemonService implements ControlTarget, AutoCloseable {
    private final RunSettings settings;
    private final Daemon daemon;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final ServiceNotify notify;
    private PidFile pidFile;
    private ControlServer control;
    private HttpEndpoint http;

    public DaemonService(RunSettings settings, Daemon daemon) {
        this(settings, daemon, ServiceNotify.NONE);
    }

    /** A service that tells the service manager (sd_notify) when it is ready, reloading and stopping. */
    public DaemonService(RunSettings settings, Daemon daemon, ServiceNotify notify) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.daemon = Objects.requireNonNull(daemon, "daemon");
        this.notify = Objects.requireNonNull(notify, "notify");
    }

    /**
     * Takes the pid file, serves the control socket (and HTTP), then starts the subsystems.
     *
     * @throws StartupException after releasing whatever was taken
     */
    public void start(VigilConfig config) {
        try {
            pidFile = PidFile.acquire(settings.pidFile());
            control = ControlServer.start(settings.controlSocket(), this);
            if (settings.http() != null) {
                http = HttpEndpoint.start(settings.http(), daemon::status, daemon::metrics);
            }
            daemon.start(config);
        } catch (RuntimeException e) {
            notify.status("start failed: " + e.getMessage());
            close();
            throw e;
        }
        notify.ready(summary("running"));
    }

    public Daemon daemon() {
        return daemon;
    }

    /** The HTTP endpoint, when one was asked for and started. */
    public Optional<HttpEndpoint> http() {
        return Optional.ofNullable(http);
    }

    @Override
    public Map<String, Object> status() {
        return daemon.status();
    }

    @Override
    public ReloadOutcome reload() {
        notify.reloading();
        ReloadOutcome outcome = daemon.reload();
        notify.reloaded(outcome.ok() ? summary("running, reloaded")
                : "running, reload refused: " + String.join("; ", outcome.messages()));
        return outcome;
    }

    /** {@code what}, and the VRRP instances by state when there are any. */
    private String summary(String what) {
        try {
            Object subs = daemon.status().get("subsystems");
            Object vrrp = subs instanceof Map<?, ?> sm ? sm.get("vrrp") : null;
            if (vrrp instanceof Map<?, ?> m && m.get("instances") instanceof java.util.List<?> list && !list.isEmpty()) {
                java.util.Map<Object, Long> byState = new java.util.TreeMap<>();
                for (Object o : list) {
                    if (o instanceof Map<?, ?> i) {
                        byState.merge(i.get("state"), 1L, Long::sum);
                    }
                }
                return what + "; VRRP instances: " + byState.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
            }
        } catch (RuntimeException e) {
            // the summary is decoration
        }
        return what;
    }

    @Override
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Blocks until a stop is requested (control socket, SIGTERM or SIGINT). */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /** Stops serving, closes the subsystems in reverse order, removes the socket and the pid file. */
    @Override
    public void close() {
        notify.stopping();
        if (control != null) {
            control.close();
        }
        if (http != null) {
            http.close();
        }
        daemon.stop();
        if (pidFile != null) {
            pidFile.close();
        }
    }
}
