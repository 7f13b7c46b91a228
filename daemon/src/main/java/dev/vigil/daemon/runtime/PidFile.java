package dev.vigil.daemon.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.OptionalLong;

/** A pid file: refused while a live process other than this one holds it, removed on release. */
public final class PidFile implements AutoCloseable {
    private final Path path;
    private final long pid;

    private PidFile(Path path, long pid) {
        this.path = path;
        this.pid = pid;
    }

    /**
     * Writes this process's id to {@code path}, replacing a stale file.
     *
     * @throws StartupException when a live process holds the file, or it cannot be written
     */
    public static PidFile acquire(Path path) {
        Objects.requireNonNull(path, "path");
        long self = ProcessHandle.current().pid();
        OptionalLong holder = read(path);
        if (holder.isPresent() && holder.getAsLong() != self && ProcessHandle.of(holder.getAsLong()).isPresent()) {
            throw new StartupException("pid file " + path + " is held by running process " + holder.getAsLong()
                    + " (another vigil?)");
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".vigil-pid", ".tmp");
            Files.writeString(tmp, self + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StartupException(java.util.List.of("cannot write pid file " + path + ": " + e), e);
        }
        return new PidFile(path, self);
    }

    /** The process id in {@code path}, if the file exists and holds a number. */
    public static OptionalLong read(Path path) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the file if it still names this process. */
    @Override
    public void close() {
        if (read(path).orElse(-1) == pid) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing more to do while stopping
            }
        }
    }
}
