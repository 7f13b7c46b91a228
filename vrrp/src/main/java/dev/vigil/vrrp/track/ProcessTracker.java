package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code vrrp_track_process}: counts the processes a {@link ProcessSpec} matches by scanning
 * {@code /proc} every {@code pollInterval} on {@code io} (never on the loop), and is up while the
 * count is within quorum..quorum_max. A change must last {@code fork_delay} (to up) or
 * {@code terminate_delay} (to down) before it shows, so a restart does not bounce instances.
 * The status value is the last count that decided the status. It starts down until the first scan.
 */
public final class ProcessTracker implements TrackedObject, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTracker.class);

    private final String name;
    private final ProcessSpec spec;
    private final Path procRoot;
    private final Duration pollInterval;
    private final Executor io;
    private final Scheduler loop;
    private final StatusListeners listeners = new StatusListeners();
    private TrackStatus status = TrackStatus.DOWN;
    private int lastCount = -1;
    private boolean scanning;
    private boolean started;
    private boolean closed;
    private Scheduler.Timer pollTimer;
    private Scheduler.Timer delayTimer;

    /** @param procRoot {@code /proc}, or a directory laid out like it for tests */
    public ProcessTracker(String name, ProcessSpec spec, Path procRoot, Duration pollInterval, Executor io,
                          Scheduler loop) {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.io = Objects.requireNonNull(io, "io");
        this.loop = Objects.requireNonNull(loop, "loop");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("track_process " + name + ": poll interval must be positive");
        }
    }

    /** Scans now and then every poll interval. Callable from any thread. */
    public void start() {
        Loops.onLoop(loop, () -> {
            if (!started && !closed) {
                started = true;
                poll();
            }
        });
    }

    private void poll() {
        if (closed) {
            return;
        }
        pollTimer = loop.schedule(pollInterval, this::poll);
        if (scanning) {
            return;
        }
        scanning = true;
        io.execute(() -> {
            int count;
            try {
                count = ProcTable.count(procRoot, spec);
            } catch (IOException | RuntimeException e) {
                LOG.warn("track_process {}: cannot scan {}: {}", name, procRoot, e.toString());
                loop.execute(() -> scanning = false);
                return;
            }
            loop.execute(() -> counted(count));
        });
    }

    private void counted(int count) {
        scanning = false;
        if (closed) {
            return;
        }
        boolean first = lastCount < 0;
        lastCount = count;
        boolean up = spec.inQuorum(count);
        if (up == status.up()) {
            cancelDelay();
            return;
        }
        Duration delay = first ? Duration.ZERO : up ? spec.forkDelay() : spec.terminateDelay();
        if (delay.isZero() || delay.isNegative()) {
            commit();
        } else if (delayTimer == null) {
            delayTimer = loop.schedule(delay, () -> {
                delayTimer = null;
                if (!closed && spec.inQuorum(lastCount) != status.up()) {
                    commit();
                }
            });
        }
    }

    private void commit() {
        cancelDelay();
        status = new TrackStatus(spec.inQuorum(lastCount), lastCount);
        LOG.info("track_process {} {} ({} matching)", name, status.up() ? "up" : "down", lastCount);
        listeners.fire(name, status);
    }

    private void cancelDelay() {
        if (delayTimer != null) {
            delayTimer.cancel();
            delayTimer = null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TrackStatus status() {
        return status;
    }

    @Override
    public void subscribe(Consumer<TrackStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public void unsubscribe(Consumer<TrackStatus> listener) {
        listeners.remove(listener);
    }

    /** Stops scanning. */
    @Override
    public void close() {
        Loops.onLoop(loop, () -> {
            closed = true;
            cancelDelay();
            if (pollTimer != null) {
                pollTimer.cancel();
            }
        });
    }
}
