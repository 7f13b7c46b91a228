package dev.vigil.conf.bind;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Binds a configuration tree to the model records, following their {@link RecordSchema}. Every
 * problem (unknown key, wrong type, out of range, missing key) is reported to the diagnostics and
 * binding goes on, so one pass finds all of them; the result is only meaningful without errors.
 */
public final class Binder {
    private final Diagnostics diagnostics;

    public Binder(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Binds a whole document; null when it cannot be built at all (errors then say why). */
    public <R extends Record> R bind(MapNode root, Class<R> type) {
        return type.cast(bind(root, type, null, ""));
    }

    Record bind(MapNode map, Class<? extends Record> type, String name, String where) {
        Set<MapNode.Entry> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        Record r = bindFields(map, type, name, where, consumed);
        for (MapNode.Entry e : map.entries()) {
            if (!consumed.contains(e)) {
                diagnostics.error(e.keyPosition(), "unknown key '" + e.key() + "'" + in(where),
                        Suggestions.hint(e.key(), RecordSchema.of(type).keys()));
            }
        }
        return r;
    }

    private Record bindFields(MapNode map, Class<? extends Record> type, String name, String where,
                              Set<MapNode.Entry> consumed) {
        RecordSchema schema = RecordSchema.of(type);
        List<Field> fields = schema.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(fields.get(i), map, name, where, consumed);
        }
        try {
            return schema.construct(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                diagnostics.error(map.position(), bad.getMessage() + in(where));
            } else if (!diagnostics.hasErrors()) {
                diagnostics.error(map.position(), "incomplete " + (where.isEmpty() ? "configuration" : where)
                        + ": " + e.getCause());
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(Field f, MapNode map, String name, String where, Set<MapNode.Entry> consumed) {
        switch (f.kind()) {
            case NAME:
                return name;
            case POSITION:
                return map.position();
            case INLINE:
                return bindFields(map, RecordSchema.recordType(f), null, where, consumed);
            default:
                MapNode.Entry entry = entry(f, map, where, consumed);
                return entry == null ? absent(f, map, where) : convert(f, entry, where);
        }
    }

    private MapNode.Entry entry(Field f, MapNode map, String where, Set<MapNode.Entry> consumed) {
        MapNode.Entry found = null;
        for (MapNode.Entry e : map.entries()) {
            if (f.accepts(e.key())) {
                consumed.add(e);
                if (found == null) {
                    found = e;
                } else {
                    diagnostics.error(e.keyPosition(), "duplicate key '" + e.key() + "'" + in(where),
                            "first written at " + found.keyPosition());
                }
            }
        }
        return found;
    }

    private Object absent(Field f, MapNode map, String where) {
        if (f.required()) {
            diagnostics.error(map.position(), "missing required key '" + f.key() + "'" + in(where));
        }
        if (f.defaultValue() != null) {
            if (f.kind() == FieldKind.RECORD) {
                return bind(MapNode.empty(map.position()), RecordSchema.recordType(f), null, join(where, f.key()));
            }
            return Scalars.parse(f.defaultValue(), f.type());
        }
        return emptyValue(f);
    }

    private static Object emptyValue(Field f) {
        Class<?> raw = f.component().getType();
        if (raw == List.class) {
            return List.of();
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == int.class) {
            return 0;
        }
        return raw == long.class ? 0L : null;
    }

    private Object convert(Field f, MapNode.Entry entry, String where) {
        ConfNode node = entry.value();
        String at = join(where, entry.key());
        return switch (f.kind()) {
            case SCALAR -> scalar(f, node, at);
            case SCALAR_LIST -> scalarList(f, node, at);
            case RECORD -> bindRecord(map(node, at), RecordSchema.recordType(f), at);
            case RECORD_LIST -> recordList(f, node, at);
            case NAMED_LIST -> namedList(f, node, entry.key());
            case SECTION -> section(map(node, at), at);
            case SECTION_LIST -> sectionList(node, at);
            case TREE -> map(node, at);
            default -> throw new IllegalStateException(f.kind().name());
        };
    }

    private Object scalar(Field f, ConfNode node, String at) {
        if (!(node instanceof ScalarNode s)) {
            diagnostics.error(node.position(), at + ": expected a scalar, got " + node.kind());
            return fallback(f);
        }
        try {
            Object v = Scalars.parse(s.value(), f.type());
            Ranges.check(f, v, s, at, diagnostics);
            return v;
        } catch (IllegalArgumentException e) {
            diagnostics.error(s.position(), at + ": " + e.getMessage());
            return fallback(f);
        }
    }

    /** The value used after a bad one was reported, so that binding and validation go on. */
    private static Object fallback(Field f) {
        if (f.defaultValue() != null && f.kind() == FieldKind.SCALAR) {
            return Scalars.parse(f.defaultValue(), f.type());
        }
        return emptyValue(f);
    }

    private List<Object> scalarList(Field f, ConfNode node, String at) {
        List<Object> out = new ArrayList<>();
        for (ConfNode item : items(node)) {
            Object v = scalar(f, item, at);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private List<Object> recordList(Field f, ConfNode node, String at) {
        List<Object> out = new ArrayList<>();
        List<ConfNode> items = items(node);
        Class<? extends Record> type = RecordSchema.recordType(f);
        for (int i = 0; i < items.size(); i++) {
            MapNode m = asMap(items.get(i), type, at);
            Record r = m == null ? null : bind(m, type, null, items.size() == 1 ? at : at + "[" + i + "]");
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private List<Object> namedList(Field f, ConfNode node, String key) {
        List<Object> out = new ArrayList<>();
        MapNode m = map(node, key);
        if (m != null) {
            List<String> seen = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                if (seen.contains(e.key())) {
                    diagnostics.error(e.keyPosition(), "duplicate " + key + " name '" + e.key() + "'", "");
                }
                seen.add(e.key());
                MapNode body = e.value() instanceof ScalarNode s && s.value().isEmpty()
                        ? MapNode.empty(s.position()) : map(e.value(), key + " " + e.key());
                Record r = body == null ? null : bind(body, RecordSchema.recordType(f), e.key(), key + " " + e.key());
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private List<Section> sectionList(ConfNode node, String at) {
        List<Section> out = new ArrayList<>();
        for (ConfNode item : items(node)) {
            Section s = section(map(item, at), at);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Record bindRecord(MapNode m, Class<? extends Record> type, String at) {
        return m == null ? null : bind(m, type, null, at);
    }

    private Section section(MapNode m, String at) {
        if (m == null) {
            return null;
        }
        List<MapNode.Entry> params = new ArrayList<>();
        String type = null;
        for (MapNode.Entry e : m.entries()) {
            if (e.key().equals("type") && e.value() instanceof ScalarNode s) {
                type = s.value();
            } else {
                params.add(e);
            }
        }
        if (type == null) {
            diagnostics.error(m.position(), at + ": missing required key 'type'");
            return null;
        }
        return new Section(type, new MapNode(params, m.position()), m.position());
    }

    private MapNode asMap(ConfNode item, Class<? extends Record> type, String at) {
        if (item instanceof ScalarNode s) {
            for (Field f : RecordSchema.of(type).fields()) {
                if (f.primary()) {
                    return new MapNode(List.of(new MapNode.Entry(f.key(), s.position(), s)), s.position());
                }
            }
        }
        return map(item, at);
    }

    private MapNode map(ConfNode node, String at) {
        if (node instanceof MapNode m) {
            return m;
        }
        diagnostics.error(node.position(), at + ": expected a map, got " + node.kind());
        return null;
    }

    private static List<ConfNode> items(ConfNode node) {
        return node instanceof ListNode l ? l.items() : List.of(node);
    }

    private static String join(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private static String in(String where) {
        return where.isEmpty() ? "" : " in " + where;
    }

    /** The position of a record, or of the document when the record is null. */
    public static SourcePosition positionOf(Record r, SourcePosition fallback) {
        for (Field f : RecordSchema.of(r.getClass()).fields()) {
            if (f.kind() == FieldKind.POSITION) {
                return (SourcePosition) f.get(r);
            }
        }
        return fallback;
    }
}
