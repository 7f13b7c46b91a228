package dev.vigil.daemon.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code vigil lab} measured, one row per step, printed as a two-column table at the end. */
public final class LabSummary {
    /** One step and its result. */
    public record Row(String step, String result) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row. */
    public void add(String step, String result) {
        rows.add(new Row(step, result));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table: a header and the rows, the first column padded to its widest cell. */
    public String render() {
        int width = "step".length();
        for (Row r : rows) {
            width = Math.max(width, r.step().length());
        }
        StringBuilder b = new StringBuilder();
        String format = "  %-" + width + "s  %s%n";
        b.append(String.format(format, "step", "result"));
        for (Row r : rows) {
            b.append(String.format(format, r.step(), r.result()));
        }
        return b.toString();
    }

    /** {@code d} in seconds with two decimals, e.g. {@code 1.63 s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    /** {@code d} in milliseconds, e.g. {@code 1630 ms}. */
    public static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
