package dev.vigil.daemon.metrics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes Prometheus text format 0.0.4: each family once, {@code # HELP} and {@code # TYPE} before
 * its samples, label values escaped, names checked. Samples of a family follow its header; a
 * second header of the same family is refused, so two writers cannot emit the same series.
 */
public final class MetricsWriter {
    /** A family's type, as {@code # TYPE} spells it. */
    public enum Type { COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out = new StringBuilder();
    private final Set<String> families = new HashSet<>();
    private String family;

    /** Starts a counter family (its name should end in {@code _total}). */
    public MetricsWriter counter(String name, String help) {
        return family(name, Type.COUNTER, help);
    }

    /** Starts a gauge family. */
    public MetricsWriter gauge(String name, String help) {
        return family(name, Type.GAUGE, help);
    }

    /** Starts a histogram family: then {@link #histogram} for each label set. */
    public MetricsWriter histogram(String name, String help) {
        return family(name, Type.HISTOGRAM, help);
    }

    /** Starts a family: the HELP and TYPE lines. */
    public MetricsWriter family(String name, Type type, String help) {
        requireName(name);
        if (!families.add(name)) {
            throw new IllegalStateException("metric family " + name + " written twice");
        }
        family = name;
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(Locale.ROOT)).append('\n');
        return this;
    }

    /** One sample of the current family; {@code labels} are name, value pairs. */
    public MetricsWriter sample(double value, String... labels) {
        return line(family(), value, labels);
    }

    /**
     * One histogram: cumulative buckets with {@code le}, {@code _sum} and {@code _count}.
     *
     * @param counts observations per bucket, not cumulative; {@code count} includes those above the last bound
     */
    public MetricsWriter histogram(double[] bounds, long[] counts, long count, double sum, String... labels) {
        String name = family();
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i];
            line(name + "_bucket", cumulative, with(labels, "le", number(bounds[i])));
        }
        line(name + "_bucket", count, with(labels, "le", "+Inf"));
        line(name + "_sum", sum, labels);
        return line(name + "_count", count, labels);
    }

    /**
     * Appends lines another writer (or a subsystem) produced, as they are, after checking that none
     * of their families ({@code # TYPE} lines) was written already.
     *
     * @throws IllegalStateException naming the family written twice; nothing is appended then
     */
    public MetricsWriter raw(String text) {
        if (text != null && !text.isEmpty()) {
            Set<String> theirs = new HashSet<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("# TYPE ")) {
                    String name = line.substring(7).split(" ", 2)[0];
                    if (families.contains(name) || !theirs.add(name)) {
                        throw new IllegalStateException("metric family " + name + " written twice");
                    }
                }
            }
            families.addAll(theirs);
            out.append(text).append(text.endsWith("\n") ? "" : "\n");
        }
        family = null;
        return this;
    }

    /** Whether a family of that name was written by this writer. */
    public boolean has(String name) {
        return families.contains(name);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private String family() {
        if (family == null) {
            throw new IllegalStateException("a sample before its family");
        }
        return family;
    }

    private MetricsWriter line(String name, double value, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (!LABEL.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("bad label name: " + labels[i]);
                }
                out.append(i == 0 ? "" : ",").append(labels[i]).append("=\"")
                        .append(escapeLabel(Objects.requireNonNull(labels[i + 1], labels[i]))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }

    /** A sample value: integers without a fraction, NaN and infinities as Prometheus spells them. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Label value escaping: backslash, double quote and line feed. */
    public static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escaping: backslash and line feed. */
    public static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name: " + name);
        }
    }
}
