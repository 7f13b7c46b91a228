package dev.vigil.daemon.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests. Beyond the grammar
 * (names, label escapes, values) it enforces what a scraper relies on: every family has exactly
 * one HELP and one TYPE before its samples, a family's samples are contiguous, no series appears
 * twice, sample names fit their family's type, counters are not negative, histograms have
 * increasing {@code le} buckets with cumulative counts, a {@code +Inf} bucket equal to
 * {@code _count}, and a {@code _sum}. Any violation throws {@link Invalid} naming the line.
 */
public final class PromText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** A violation of the format. */
    public static final class Invalid extends RuntimeException {
        Invalid(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One family: its type, help and samples in order. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    private PromText() {
    }

    /** Parses and checks {@code text}. */
    public static PromText parse(String text) {
        PromText p = new PromText();
        p.run(text);
        return p;
    }

    public Map<String, Family> families() {
        return families;
    }

    /** The value of the series {@code name} with exactly {@code labels} (name, value pairs). */
    public double value(String name, String... labels) {
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        for (Family f : families.values()) {
            for (Sample s : f.samples()) {
                if (s.name().equals(name) && new TreeMap<>(s.labels()).equals(want)) {
                    return s.value();
                }
            }
        }
        throw new AssertionError("no series " + name + want + "; series of that name: "
                + samples(name).stream().map(s -> s.labels().toString()).toList());
    }

    /** Every sample named {@code name}. */
    public List<Sample> samples(String name) {
        List<Sample> out = new ArrayList<>();
        families.values().forEach(f -> f.samples().stream().filter(s -> s.name().equals(name)).forEach(out::add));
        return out;
    }

    // ---- parsing

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> helps = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Set<String> series = new HashSet<>();
    private String currentFamily;

    private void run(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new Invalid(0, "the last line has no line feed");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            line(i + 1, lines[i]);
        }
        for (Family f : families.values()) {
            if (f.type() == null || f.help() == null) {
                throw new Invalid(0, f.name() + " lacks " + (f.type() == null ? "# TYPE" : "# HELP"));
            }
            if (f.type().equals("histogram")) {
                histograms(f);
            }
        }
    }

    private void line(int n, String line) {
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#")) {
            comment(n, line);
            return;
        }
        sample(n, line);
    }

    private void comment(int n, String line) {
        String[] parts = line.split("[ \t]+", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return; // a plain comment
        }
        String name = parts[2];
        if (!NAME.matcher(name).matches()) {
            throw new Invalid(n, "bad metric name " + name);
        }
        String rest = parts.length > 3 ? parts[3] : "";
        enter(n, name);
        if (parts[1].equals("HELP")) {
            if (helps.put(name, unescapeHelp(n, rest)) != null) {
                throw new Invalid(n, "second HELP for " + name);
            }
        } else {
            if (!TYPES.contains(rest)) {
                throw new Invalid(n, "bad type '" + rest + "' for " + name);
            }
            if (families.get(name) != null && !families.get(name).samples().isEmpty()) {
                throw new Invalid(n, "TYPE of " + name + " after its samples");
            }
            if (types.put(name, rest) != null) {
                throw new Invalid(n, "second TYPE for " + name);
            }
        }
        Family f = families.get(name);
        families.put(name, new Family(name, types.get(name), helps.get(name), f == null ? new ArrayList<>() : f.samples()));
    }

    /** Moves to family {@code name}; a family left before cannot come back. */
    private void enter(int n, String name) {
        if (name.equals(currentFamily)) {
            return;
        }
        if (closed.contains(name)) {
            throw new Invalid(n, "family " + name + " is not contiguous");
        }
        if (currentFamily != null) {
            closed.add(currentFamily);
        }
        currentFamily = name;
        families.computeIfAbsent(name, k -> new Family(k, null, null, new ArrayList<>()));
    }

    private void sample(int n, String line) {
        int i = 0;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
            i++;
        }
        String name = line.substring(0, i);
        if (!NAME.matcher(name).matches()) {
            throw new Invalid(n, "bad metric name in '" + line + "'");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(n, line, i + 1, labels);
        }
        String[] rest = line.substring(i).strip().split("[ \t]+");
        if (i >= line.length() || (line.charAt(i) != ' ' && line.charAt(i) != '\t') || rest.length < 1 || rest.length > 2
                || rest[0].isEmpty()) {
            throw new Invalid(n, "expected ' VALUE [TIMESTAMP]' in '" + line + "'");
        }
        double value = value(n, rest[0]);
        if (rest.length == 2) {
            try {
                Long.parseLong(rest[1]);
            } catch (NumberFormatException e) {
                throw new Invalid(n, "bad timestamp " + rest[1]);
            }
        }
        String family = familyOf(name);
        enter(n, family);
        String type = types.get(family);
        if (type == null) {
            throw new Invalid(n, "sample " + name + " before the TYPE of " + family);
        }
        check(n, type, family, name, labels, value);
        if (!series.add(name + new TreeMap<>(labels))) {
            throw new Invalid(n, "duplicate series " + name + labels);
        }
        families.get(family).samples().add(new Sample(name, labels, value));
    }

    private String familyOf(String name) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                String t = types.get(base);
                if ("histogram".equals(t) || ("summary".equals(t) && !suffix.equals("_bucket"))) {
                    return base;
                }
            }
        }
        return name;
    }

    private static void check(int n, String type, String family, String name, Map<String, String> labels, double value) {
        switch (type) {
            case "counter" -> {
                if (value < 0 || Double.isNaN(value)) {
                    throw new Invalid(n, "counter " + name + " is " + value);
                }
            }
            case "histogram" -> {
                if (name.equals(family)) {
                    throw new Invalid(n, "histogram sample without _bucket/_sum/_count: " + name);
                }
                if (name.endsWith("_bucket") != labels.containsKey("le")) {
                    throw new Invalid(n, "le belongs to _bucket samples only: " + name + labels);
                }
            }
            case "summary" -> {
                if (name.equals(family) != labels.containsKey("quantile")) {
                    throw new Invalid(n, "quantile belongs to the summary's own samples only: " + name + labels);
                }
            }
            default -> {
            }
        }
    }

    private static int labels(int n, String line, int i, Map<String, String> out) {
        while (true) {
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                throw new Invalid(n, "unterminated labels in '" + line + "'");
            }
            String label = line.substring(i, eq);
            if (!LABEL.matcher(label).matches()) {
                throw new Invalid(n, "bad label name '" + label + "'");
            }
            if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw new Invalid(n, "label value of " + label + " is not quoted");
            }
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; ; j++) {
                if (j >= line.length()) {
                    throw new Invalid(n, "unterminated label value of " + label);
                }
                char c = line.charAt(j);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char e = j + 1 < line.length() ? line.charAt(++j) : 0;
                    switch (e) {
                        case '\\' -> v.append('\\');
                        case '"' -> v.append('"');
                        case 'n' -> v.append('\n');
                        default -> throw new Invalid(n, "bad escape \\" + e + " in label " + label);
                    }
                } else {
                    v.append(c);
                }
            }
            if (out.put(label, v.toString()) != null) {
                throw new Invalid(n, "label " + label + " twice");
            }
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            } else if (i >= line.length() || line.charAt(i) != '}') {
                throw new Invalid(n, "expected ',' or '}' after label " + label);
            }
        }
    }

    private static double value(int n, String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                    throw new Invalid(n, "bad value '" + s + "'");
                }
                return Double.parseDouble(s);
        }
    }

    private static String unescapeHelp(int n, String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = i + 1 < s.length() ? s.charAt(++i) : 0;
                if (e == '\\') {
                    b.append('\\');
                } else if (e == 'n') {
                    b.append('\n');
                } else {
                    throw new Invalid(n, "bad escape \\" + e + " in HELP");
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Per label set (without le): buckets increasing and cumulative, +Inf equal to _count, a _sum. */
    private static void histograms(Family f) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new HashMap<>();
        Set<Map<String, String>> sums = new HashSet<>();
        for (Sample s : f.samples()) {
            Map<String, String> key = new TreeMap<>(s.labels());
            key.remove("le");
            if (s.name().endsWith("_bucket")) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name().endsWith("_count")) {
                counts.put(key, s.value());
            } else {
                sums.add(key);
            }
        }
        for (var e : buckets.entrySet()) {
            double lastLe = Double.NEGATIVE_INFINITY;
            double lastCount = 0;
            for (Sample b : e.getValue()) {
                double le = value(0, b.labels().get("le"));
                if (!(le > lastLe)) {
                    throw new Invalid(0, f.name() + e.getKey() + ": le " + le + " not increasing");
                }
                if (b.value() < lastCount) {
                    throw new Invalid(0, f.name() + e.getKey() + ": bucket counts not cumulative");
                }
                lastLe = le;
                lastCount = b.value();
            }
            if (lastLe != Double.POSITIVE_INFINITY) {
                throw new Invalid(0, f.name() + e.getKey() + ": no +Inf bucket");
            }
            if (!Objects.equals(counts.get(e.getKey()), lastCount)) {
                throw new Invalid(0, f.name() + e.getKey() + ": _count differs from the +Inf bucket");
            }
            if (!sums.contains(e.getKey())) {
                throw new Invalid(0, f.name() + e.getKey() + ": no _sum");
            }
        }
        if (!counts.keySet().equals(buckets.keySet())) {
            throw new Invalid(0, f.name() + ": _count without buckets");
        }
    }
}
