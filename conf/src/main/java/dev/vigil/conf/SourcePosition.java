package dev.vigil.conf;

import java.util.Objects;

/**
 * Where a configuration node was written: file, line and column (both from 1).
 *
 * <p>A position never takes part in equality: every position equals every other one, so two
 * configurations that say the same thing are equal wherever and however they were written (a
 * keepalived.conf and the YAML it converts to give equal models).
 */
public final class SourcePosition {
    /** The position of nodes that were not read from a file (defaults, built models). */
    public static final SourcePosition NONE = new SourcePosition("<none>", 0, 0);

    private final String file;
    private final int line;
    private final int column;

    public SourcePosition(String file, int line, int column) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code FILE:LINE:COL}, or {@code FILE:LINE} when the column is unknown. */
    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }

    /** Always true for another position: positions are not part of a model's value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePosition;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    /** True when this and {@code other} name the same place (the comparison equals does not make). */
    public boolean samePlace(SourcePosition other) {
        return file.equals(other.file) && line == other.line && column == other.column;
    }
}
