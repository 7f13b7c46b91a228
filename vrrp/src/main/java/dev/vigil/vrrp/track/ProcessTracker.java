package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code vrrp_track_process}: counts the processes a {@link ProcessSpec} matches by scanning
 * {@code /proc} every {@code pollInterval} on {@code io} (never on the loop), and is up while the
 * count is within quorum..quorum_max. A change must last {@code fork_delay} (to up) or
 * {@code terminate_delay} (to down) before it shows, so a restart does not bounce instances.
 * The status value is the last count that decided the status. It starts down until the first scan.
 */
public final class ProcessTracker extends PolledTracker<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTracker.class);

    private final ProcessSpec spec;
    private final Path procRoot;
    private int lastCount = -1;
    private Scheduler.Timer delayTimer;

    /** @param procRoot {@code /proc}, or a directory laid out like it for tests */
    public ProcessTracker(String name, ProcessSpec spec, Path procRoot, Duration pollInterval, Executor io,
                          Scheduler loop) {
        super("track_process", name, TrackStatus.DOWN, pollInterval, io, loop);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot");
    }

    @Override
    Integer probe() {
        try {
            return ProcTable.count(procRoot, spec);
        } catch (IOException | RuntimeException e) {
            LOG.warn("track_process {}: cannot scan {}: {}", name(), procRoot, e.toString());
            return null;
        }
    }

    @Override
    void take(Integer count) {
        boolean first = lastCount < 0;
        lastCount = count;
        boolean up = spec.inQuorum(count);
        if (up == status().up()) {
            cancelDelay();
            return;
        }
        Duration delay = first ? Duration.ZERO : up ? spec.forkDelay() : spec.terminateDelay();
        if (delay.isZero() || delay.isNegative()) {
            commit();
        } else if (delayTimer == null) {
            delayTimer = loop.schedule(delay, () -> {
                delayTimer = null;
                if (!closed && spec.inQuorum(lastCount) != status().up()) {
                    commit();
                }
            });
        }
    }

    private void commit() {
        cancelDelay();
        TrackStatus next = new TrackStatus(spec.inQuorum(lastCount), lastCount);
        LOG.info("track_process {} {} ({} matching)", name(), next.up() ? "up" : "down", lastCount);
        publish(next);
    }

    private void cancelDelay() {
        if (delayTimer != null) {
            delayTimer.cancel();
            delayTimer = null;
        }
    }

    @Override
    void closed() {
        cancelDelay();
    }
}
