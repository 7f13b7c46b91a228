package dev.vigil.daemon.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the daemon's status object for people: a summary line, then per subsystem its scalar
 * values and a table for each list of rows. VRRP rows lead with instance, state, priority,
 * effective_priority, interface, vrid, vips (configured), vips_present (on an interface now) and
 * master; other keys follow in order of appearance (and rows of other tables keep their order). Columns holding nested objects (counters) are
 * left to {@code --json}.
 */
public final class StatusTable {
    /** Column order of known row keys; any other key comes after these. */
    static final List<String> PREFERRED = List.of("instance", "state", "priority", "effective_priority",
            "interface", "vrid", "vips", "vips_present", "master");

    private StatusTable() {
    }

    /** The text for a status object as {@code {"daemon": {...}, "subsystems": {...}}}. */
    public static String render(Map<String, Object> status) {
        StringBuilder b = new StringBuilder();
        if (status.get("daemon") instanceof Map<?, ?> d) {
            daemon(b, d);
        }
        Map<?, ?> subs = status.get("subsystems") instanceof Map<?, ?> m ? m : Map.of();
        if (subs.isEmpty()) {
            b.append("\nno subsystems\n");
        }
        for (Map.Entry<?, ?> e : subs.entrySet()) {
            b.append('\n').append(e.getKey()).append('\n');
            if (e.getValue() instanceof Map<?, ?> s) {
                subsystem(b, s);
            } else {
                b.append("  ").append(text(e.getValue())).append('\n');
            }
        }
        return b.toString();
    }

    private static void daemon(StringBuilder b, Map<?, ?> d) {
        b.append("vigil pid ").append(text(d.get("pid"))).append(", ").append(text(d.get("state")))
                .append(", config ").append(text(d.get("config")))
                .append(", started ").append(text(d.get("started_at"))).append('\n');
        if (d.get("reloads") instanceof Map<?, ?> r) {
            b.append("reloads: ").append(text(r.get("applied"))).append(" applied, ")
                    .append(text(r.get("refused"))).append(" refused");
        }
        if (d.get("last_reload") instanceof Map<?, ?> last) {
            boolean ok = Boolean.TRUE.equals(last.get("ok"));
            b.append("; last at ").append(text(last.get("at"))).append(ok ? " applied" : " refused");
            if (!ok && last.get("messages") instanceof Collection<?> msgs) {
                msgs.forEach(m -> b.append("\n  ").append(m));
            }
        }
        b.append('\n');
    }

    private static void subsystem(StringBuilder b, Map<?, ?> s) {
        List<Map.Entry<?, ?>> tables = new ArrayList<>();
        for (Map.Entry<?, ?> e : s.entrySet()) {
            if (isRows(e.getValue())) {
                tables.add(e);
            } else {
                scalar(b, "  " + e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<?, ?> t : tables) {
            List<Map<?, ?>> rows = ((List<?>) t.getValue()).stream().map(r -> (Map<?, ?>) r).collect(Collectors.toList());
            if (tables.size() > 1 || rows.isEmpty()) {
                b.append("  ").append(t.getKey()).append(rows.isEmpty() ? ": none" : ":").append('\n');
            }
            if (!rows.isEmpty()) {
                table(b, rows);
            }
        }
    }

    private static boolean isRows(Object value) {
        return value instanceof List<?> l && l.stream().allMatch(r -> r instanceof Map<?, ?>);
    }

    private static void scalar(StringBuilder b, String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> scalar(b, key + "." + k, v));
        } else {
            b.append(key).append(": ").append(text(value)).append('\n');
        }
    }

    private static void table(StringBuilder b, List<Map<?, ?>> rows) {
        List<String> columns = columns(rows);
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
        for (Map<?, ?> row : rows) {
            cells.add(columns.stream().map(c -> text(row.get(c))).toList());
        }
        int[] width = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < width.length; i++) {
                l.append(line.get(i)).append(" ".repeat(width[i] - line.get(i).length() + 2));
            }
            b.append(l.toString().stripTrailing()).append('\n');
        }
    }

    private static List<String> columns(List<Map<?, ?>> rows) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        rows.forEach(r -> r.forEach((k, v) -> {
            if (!(v instanceof Map<?, ?>)) {
                seen.add(String.valueOf(k));
            }
        }));
        List<String> columns = new ArrayList<>();
        if (!seen.contains("instance")) {
            columns.addAll(seen);
            return columns;
        }
        PREFERRED.stream().filter(seen::contains).forEach(columns::add);
        seen.stream().filter(k -> !PREFERRED.contains(k)).forEach(columns::add);
        return columns;
    }

    private static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "-" : c.stream().map(StatusTable::text).collect(Collectors.joining(","));
        }
        return value.toString();
    }
}
