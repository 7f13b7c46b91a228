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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code track_file}: the integer written in a file, read every {@code pollInterval} on
 * {@code io} (never on the loop) and delivered on the loop. The status value is the number; a
 * missing or unreadable file and text that is not an integer count as 0 (with a warning when it
 * changes), as keepalived treats them. The status is always "up": {@link PriorityCalculator}
 * looks only at the value for files.
 */
public final class FileTracker extends PolledTracker<FileTracker.Reading> {
    private static final Logger LOG = LoggerFactory.getLogger(FileTracker.class);
    private static final int MAX_BYTES = 256;

    private final Path file;
    private String lastProblem;

    public FileTracker(String name, Path file, Duration pollInterval, Executor io, Scheduler loop) {
        super("track_file", name, new TrackStatus(true, 0), pollInterval, io, loop);
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    Reading probe() {
        return read(file);
    }

    @Override
    void take(Reading r) {
        if (r.problem() != null && !r.problem().equals(lastProblem)) {
            LOG.warn("track_file {}: {}, counted as 0", name(), r.problem());
        }
        lastProblem = r.problem();
        TrackStatus next = new TrackStatus(true, r.value());
        if (!next.equals(status())) {
            LOG.info("track_file {} value {} -> {}", name(), status().value(), r.value());
            publish(next);
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
}
