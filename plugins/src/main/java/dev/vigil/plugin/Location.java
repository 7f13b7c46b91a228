package dev.vigil.plugin;

import java.util.Objects;

/**
 * Where a configuration value was written: file, line and column (1-based), as in
 * {@code /etc/vigil/vigil.yaml:12:5}. Column 0 means "somewhere on the line" (keepalived.conf).
 */
public record Location(String file, int line, int column) {
    public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
