package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code track_file}: the integer written in a file, read every {@code pollInterval} on
 * {@code io} (never on the loop) and delivered on the loop. The status value is the number; a
 * missing or unreadable file and text that is not an integer count as 0 (with a warning when it
 * changes), as keepalived treats them. The status is always "up": {@link PriorityCalculator}
 * looks only at the value for files.
 */
public final class FileTracker implements TrackedObject, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileTracker.class);
    private static final int MAX_BYTES = 256;

    private final String name;
    private final Path file;
    private final Duration pollInterval;
    private final Executor io;
    private final Scheduler loop;
    private final StatusListeners listeners = new StatusListeners();
    private TrackStatus status = new TrackStatus(true, 0);
    private String lastProblem;
    private boolean reading;
    private boolean started;
    private boolean closed;
    private Scheduler.Timer timer;

    public FileTracker(String name, Path file, Duration pollInterval, Executor io, Scheduler loop) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.io = Objects.requireNonNull(io, "io");
        this.loop = Objects.requireNonNull(loop, "loop");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("track_file " + name + ": poll interval must be positive");
        }
    }

    /** Reads the file now and then every poll interval. Callable from any thread. */
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
        timer = loop.schedule(pollInterval, this::poll);
        if (reading) {
            return;
        }
        reading = true;
        io.execute(() -> {
            Reading r = read(file);
            loop.execute(() -> apply(r));
        });
    }

    private void apply(Reading r) {
        reading = false;
        if (closed) {
            return;
        }
        if (r.problem() != null && !r.problem().equals(lastProblem)) {
            LOG.warn("track_file {}: {}, counted as 0", name, r.problem());
        }
        lastProblem = r.problem();
        TrackStatus next = new TrackStatus(true, r.value());
        if (!next.equals(status)) {
            LOG.info("track_file {} value {} -> {}", name, status.value(), r.value());
            status = next;
            listeners.fire(name, next);
        }
    }

    /** A value read, and what was wrong when it is a stand-in 0. */
    record Reading(long value, String problem) {
    }

    static Reading read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (NoSuchFileException e) {
            return new Reading(0, file + " does not exist");
        } catch (IOException e) {
            return new Reading(0, "cannot read " + file + ": " + e.getMessage());
        }
        return parse(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** The integer at the start of {@code text} (blanks around it allowed); saturates at the long range. */
    static Reading parse(String text) {
        String s = text.strip();
        int end = 0;
        if (end < s.length() && (s.charAt(end) == '-' || s.charAt(end) == '+')) {
            end++;
        }
        int digits = end;
        while (end < s.length() && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        if (end == digits || (end < s.length() && !Character.isWhitespace(s.charAt(end)))) {
            return new Reading(0, "not an integer: \"" + s.lines().findFirst().orElse("") + "\"");
        }
        try {
            return new Reading(Long.parseLong(s.substring(0, end)), null);
        } catch (NumberFormatException overflow) {
            return new Reading(s.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE, null);
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

    /** Stops polling. */
    @Override
    public void close() {
        Loops.onLoop(loop, () -> {
            closed = true;
            if (timer != null) {
                timer.cancel();
            }
        });
    }
}
