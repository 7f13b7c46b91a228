package dev.vigil.conf.bind;

import dev.vigil.conf.model.Doc;
import dev.vigil.conf.model.VigilConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The key reference of docs/configuration.md, generated from the model so it cannot drift from it. */
public final class SchemaReference {
    private SchemaReference() {
    }

    /** One table per section: key, type, default, keepalived form, meaning. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        Set<Class<? extends Record>> done = new LinkedHashSet<>();
        List<Class<? extends Record>> todo = new ArrayList<>(List.of(VigilConfig.class));
        while (!todo.isEmpty()) {
            Class<? extends Record> type = todo.remove(0);
            if (done.add(type)) {
                table(type, out, todo);
            }
        }
        return out.toString();
    }

    private static void table(Class<? extends Record> type, StringBuilder out, List<Class<? extends Record>> todo) {
        out.append("### ").append(type.getSimpleName()).append("\n\n");
        out.append("| key | type | default | keepalived | meaning |\n|---|---|---|---|---|\n");
        rows(type, out, todo);
        out.append('\n');
    }

    private static void rows(Class<? extends Record> type, StringBuilder out, List<Class<? extends Record>> todo) {
        for (Field f : RecordSchema.of(type).fields()) {
            if (f.kind() == FieldKind.INLINE) {
                rows(RecordSchema.recordType(f), out, todo);
                continue;
            }
            if (!f.hasKey()) {
                continue;
            }
            if (f.kind() == FieldKind.RECORD || f.kind() == FieldKind.RECORD_LIST || f.kind() == FieldKind.NAMED_LIST) {
                todo.add(RecordSchema.recordType(f));
            }
            Doc doc = f.doc();
            String keepalived = doc == null || doc.keepalived().isEmpty() ? f.key() : doc.keepalived();
            if (!f.aliases().isEmpty()) {
                keepalived += " (also " + String.join(", ", f.aliases()) + ")";
            }
            out.append("| `").append(f.key()).append("` | ").append(type(f)).append(" | ")
                    .append(f.defaultValue() == null ? (f.required() ? "required" : "") : "`" + f.defaultValue() + "`")
                    .append(" | ").append(keepalived.replace("|", "\\|")).append(" | ")
                    .append(doc == null ? "" : doc.value().replace("|", "\\|")).append(" |\n");
        }
    }

    private static String type(Field f) {
        String base = f.type() == Duration.class ? "seconds" : f.type().getSimpleName().replace("Integer", "int");
        if (f.range() != null) {
            base += " " + f.range().min() + ".." + f.range().max();
        }
        return switch (f.kind()) {
            case SCALAR_LIST -> "list of " + base;
            case RECORD_LIST -> "list of " + base;
            case NAMED_LIST -> "map of name to " + base;
            case SECTION_LIST -> "list of sections";
            case SECTION -> "section";
            case TREE -> "map";
            default -> base;
        };
    }
}
