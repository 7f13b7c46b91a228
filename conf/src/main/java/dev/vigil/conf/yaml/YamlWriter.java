package dev.vigil.conf.yaml;

import dev.vigil.conf.SourceComments;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.bind.Binder;
import dev.vigil.conf.bind.Field;
import dev.vigil.conf.bind.FieldKind;
import dev.vigil.conf.bind.RecordSchema;
import dev.vigil.conf.bind.Scalars;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.util.List;
import java.util.Objects;

/**
 * Prints the model as idiomatic YAML: keepalived's keys, defaults left out, named sections as maps,
 * one-value list items as scalars, and the comments written above a block in the source carried
 * over. Reading the output back gives an equal model.
 */
public final class YamlWriter {
    private final SourceComments comments;

    /** A writer carrying over the comments of the source the model was read from. */
    public YamlWriter(SourceComments comments) {
        this.comments = Objects.requireNonNull(comments, "comments");
    }

    public static String write(VigilConfig config) {
        return new YamlWriter(SourceComments.NONE).print(config);
    }

    public String print(VigilConfig config) {
        StringBuilder out = new StringBuilder();
        RecordSchema schema = RecordSchema.of(VigilConfig.class);
        for (Field f : schema.fields()) {
            int before = out.length();
            field(f, config, 0, out);
            if (out.length() > before && before > 0) {
                out.insert(before, '\n');
            }
        }
        return out.toString();
    }

    private void body(Record r, int indent, StringBuilder out) {
        for (Field f : RecordSchema.of(r.getClass()).fields()) {
            field(f, r, indent, out);
        }
    }

    private void field(Field f, Record r, int indent, StringBuilder out) {
        Object v = f.get(r);
        if (v == null || isDefault(f, v)) {
            return;
        }
        switch (f.kind()) {
            case NAME, POSITION -> { }
            case INLINE -> body((Record) v, indent, out);
            case SCALAR -> line(out, indent, f.key() + ": " + YamlScalars.value(v, Scalars.format(v)));
            case SCALAR_LIST -> {
                line(out, indent, f.key() + ":");
                ((List<?>) v).forEach(item -> line(out, indent + 2, "- " + YamlScalars.value(item, Scalars.format(item))));
            }
            case RECORD -> nested(f.key(), (Record) v, indent, out, f.defaultValue() != null);
            case RECORD_LIST -> {
                line(out, indent, f.key() + ":");
                ((List<?>) v).forEach(item -> listItem((Record) item, indent + 2, out));
            }
            case NAMED_LIST -> named(f, (List<?>) v, indent, out);
            case SECTION -> {
                line(out, indent, f.key() + ":");
                section((Section) v, indent + 2, out);
            }
            case SECTION_LIST -> {
                line(out, indent, f.key() + ":");
                ((List<?>) v).forEach(s -> {
                    int at = out.length();
                    section((Section) s, indent + 2, out);
                    listMarker(out, at, indent);
                });
            }
            case TREE -> {
                line(out, indent, f.key() + ":");
                tree((MapNode) v, indent + 2, out);
            }
        }
    }

    private void nested(String key, Record r, int indent, StringBuilder out, boolean omitEmpty) {
        StringBuilder inner = new StringBuilder();
        body(r, indent + 2, inner);
        if (inner.length() == 0) {
            if (!omitEmpty) {
                line(out, indent, key + ": {}");
            }
            return;
        }
        comment(r, indent, out);
        line(out, indent, key + ":");
        out.append(inner);
    }

    private void named(Field f, List<?> items, int indent, StringBuilder out) {
        line(out, indent, f.key() + ":");
        for (Object item : items) {
            Record r = (Record) item;
            String name = YamlScalars.quote((String) RecordSchema.of(r.getClass()).fields().get(0).get(r));
            nested(name, r, indent + 2, out, false);
        }
    }

    private void listItem(Record r, int indent, StringBuilder out) {
        comment(r, indent - 2, out);
        Field primary = RecordSchema.of(r.getClass()).fields().stream().filter(Field::primary).findFirst().orElse(null);
        StringBuilder inner = new StringBuilder();
        body(r, indent, inner);
        if (primary != null && inner.toString().strip().lines().count() == 1 && inner.toString().strip().startsWith(primary.key() + ":")) {
            Object v = primary.get(r);
            line(out, indent - 2, "- " + YamlScalars.value(v, Scalars.format(v)));
            return;
        }
        int at = out.length();
        out.append(inner.length() == 0 ? " ".repeat(indent) + "{}\n" : inner);
        listMarker(out, at, indent - 2);
    }

    private void section(Section s, int indent, StringBuilder out) {
        line(out, indent, "type: " + YamlScalars.quote(s.type()));
        tree(s.params(), indent, out);
    }

    private void tree(MapNode map, int indent, StringBuilder out) {
        for (MapNode.Entry e : map.entries()) {
            node(YamlScalars.quote(e.key()), e.value(), indent, out);
        }
    }

    private void node(String key, ConfNode value, int indent, StringBuilder out) {
        if (value instanceof ScalarNode s) {
            line(out, indent, key + ": " + YamlScalars.quote(s.value()));
        } else if (value instanceof MapNode m) {
            line(out, indent, key + ":" + (m.entries().isEmpty() ? " {}" : ""));
            tree(m, indent + 2, out);
        } else {
            line(out, indent, key + ":");
            for (ConfNode item : ((ListNode) value).items()) {
                int at = out.length();
                if (item instanceof ScalarNode s) {
                    line(out, indent + 2, YamlScalars.quote(s.value()));
                } else if (item instanceof MapNode m) {
                    tree(m, indent + 2, out);
                }
                listMarker(out, at, indent);
            }
        }
    }

    /** Turns the indentation of the first line written from {@code at} into a list item marker. */
    private static void listMarker(StringBuilder out, int at, int indent) {
        out.replace(at + indent, at + indent + 2, "- ");
    }

    private void comment(Record r, int indent, StringBuilder out) {
        SourcePosition at = Binder.positionOf(r, SourcePosition.NONE);
        for (String text : comments.above(at)) {
            line(out, indent, text.isEmpty() ? "#" : "# " + text);
        }
    }

    private static boolean isDefault(Field f, Object v) {
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v instanceof Boolean b && f.component().getType() == boolean.class && f.defaultValue() == null) {
            return !b;
        }
        if (f.defaultValue() != null && f.kind() == FieldKind.SCALAR) {
            return Scalars.parse(f.defaultValue(), f.type()).equals(v);
        }
        return false;
    }

    private static void line(StringBuilder out, int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
