package dev.vigil.kernel.sysctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@link Sysctl} over the files of {@code /proc/sys}. Network parameters are those of the network
 * namespace of the process that opens the file.
 */
public final class ProcSysctl implements Sysctl {
    private final Path root;

    /** Over {@code /proc/sys}. */
    public ProcSysctl() {
        this(Path.of("/proc/sys"));
    }

    /** Over {@code root} (a fake tree in tests). */
    public ProcSysctl(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public String read(String key) {
        try {
            return Files.readString(path(key), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new SysctlException("cannot read sysctl " + key + ": " + e, e);
        }
    }

    @Override
    public void write(String key, String value) {
        Objects.requireNonNull(value, "value");
        try {
            Files.writeString(path(key), value + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SysctlException("cannot write sysctl " + key + "=" + value + ": " + e, e);
        }
    }

    private Path path(String key) {
        Objects.requireNonNull(key, "key");
        if (key.startsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("not a sysctl key: " + key);
        }
        return root.resolve(key);
    }
}
