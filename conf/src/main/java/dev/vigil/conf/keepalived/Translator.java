package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.bind.Field;
import dev.vigil.conf.bind.FieldKind;
import dev.vigil.conf.bind.RecordSchema;
import dev.vigil.conf.bind.Suggestions;
import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServerGroup;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns keepalived statements into the tree the YAML route reads, guided by the model's schema:
 * a keyword becomes its key (older names become the current ones), positional forms become maps,
 * and a keyword Vigil does not run is reported as unsupported with its position, never dropped silently.
 */
final class Translator {
    /** String keys whose keepalived arguments are all part of the value. */
    private static final Set<String> JOINED = Set.of("script_user", "user", "process");

    private final Diagnostics diagnostics;
    private final LineForms lines;
    private final SectionForms sections;
    private final Specials specials;
    private final Set<String> pluginCheckers;

    Translator(Diagnostics diagnostics) {
        this(diagnostics, Set.of());
    }

    /** A translator that also keeps the checker blocks of {@code pluginCheckers} (plugin-provided types). */
    Translator(Diagnostics diagnostics, Set<String> pluginCheckers) {
        this.diagnostics = diagnostics;
        this.pluginCheckers = pluginCheckers;
        this.lines = new LineForms(diagnostics);
        this.sections = new SectionForms(diagnostics);
        this.specials = new Specials(diagnostics, this);
    }

    MapNode root(List<Statement> statements, SourcePosition at) {
        return translate(statements, VigilConfig.class, at, "the top level");
    }

    MapNode translate(List<Statement> statements, Class<? extends Record> type, SourcePosition at, String where) {
        MapBuilder b = new MapBuilder(at, diagnostics);
        for (Statement s : statements) {
            statement(s, type, b, where);
        }
        specials.finish(type, b);
        return b.build();
    }

    private void statement(Statement s, Class<? extends Record> type, MapBuilder b, String where) {
        if (type == VirtualServerGroup.class) {
            MapNode member = lines.parse(dev.vigil.conf.model.GroupMember.class, s);
            if (member != null) {
                b.add("members", s.position(), member);
            }
            return;
        }
        if (type == RealServer.class && (SectionForms.CHECKERS.contains(s.name()) || pluginCheckers.contains(s.name()))) {
            b.add("checkers", s.position(), sections.checker(s));
            return;
        }
        if (type == RealServer.class && isCheckerName(s) && !SectionForms.UNSUPPORTED.contains(s.name())) {
            diagnostics.unsupported(s.position(), "'" + s.name() + "' in " + where + " is not a built-in checker"
                    + " and no loaded plugin provides it; ignored (the real server is not checked by it)",
                    "a plugin's checker type is known once its plugin is loaded (--plugins-dir DIR)");
            return;
        }
        if (specials.handle(type, s, b)) {
            return;
        }
        Optional<Field> field = RecordSchema.of(type).find(s.name());
        if (field.isEmpty() || type == GlobalDefs.class && s.name().equals("smtp_port")) {
            unsupported(s, type, where);
        } else {
            field(field.get(), s, b, where);
        }
    }

    private void field(Field f, Statement s, MapBuilder b, String where) {
        String key = f.key();
        switch (f.kind()) {
            case SCALAR -> scalar(f, s, b);
            case SCALAR_LIST -> {
                s.args().forEach(t -> b.add(key, s.position(), node(t)));
                blockOf(s).forEach(c -> {
                    b.add(key, c.position(), node(c.keyword()));
                    c.args().forEach(t -> b.add(key, t.position(), node(t)));
                });
            }
            case RECORD -> b.set(key, s.position(), record(f, s, where));
            case RECORD_LIST -> recordList(f, s, b, where);
            case NAMED_LIST -> named(f, s, b);
            default -> unsupported(s, null, where);
        }
    }

    private void scalar(Field f, Statement s, MapBuilder b) {
        if (s.hasBlock()) {
            diagnostics.error(s.position(), "'" + s.name() + "' takes a value, not a block", "");
            return;
        }
        if (s.args().isEmpty()) {
            boolean bool = f.type() == boolean.class || f.type() == Boolean.class;
            if (!bool && f.flag() == null) {
                diagnostics.error(s.position(), "'" + s.name() + "' needs a value", "");
                return;
            }
            b.set(f.key(), s.position(), bool ? "true" : f.flag());
            return;
        }
        if (s.args().size() > 1 && JOINED.contains(f.key())) {
            String joined = s.args().stream().map(Token::text).collect(Collectors.joining(" "));
            b.set(f.key(), s.position(), new ScalarNode(joined, s.args().get(0).position()));
            return;
        }
        if (s.args().size() > 1) {
            diagnostics.unsupported(s.args().get(1).position(), "extra arguments of '" + s.name() + "' are not supported: "
                    + s.text().substring(s.name().length() + 1 + s.arg(0).length()).strip(), "");
        }
        b.set(f.key(), s.position(), node(s.args().get(0)));
    }

    private MapNode record(Field f, Statement s, String where) {
        if (!s.hasBlock()) {
            return specials.head(f, s);
        }
        return translate(s.block(), recordType(f), s.position(), s.name());
    }

    private void recordList(Field f, Statement s, MapBuilder b, String where) {
        if (lines.has(f.type())) {
            for (Statement line : blockOf(s)) {
                MapNode item = lines.parse(f.type(), line);
                if (item != null) {
                    b.add(f.key(), line.position(), item);
                }
            }
            return;
        }
        MapNode head = specials.head(f, s);
        MapNode body = translate(blockOf(s), recordType(f), s.position(), s.text());
        List<MapNode.Entry> entries = new java.util.ArrayList<>(head.entries());
        entries.addAll(body.entries());
        b.add(f.key(), s.position(), new MapNode(entries, s.position()));
    }

    private void named(Field f, Statement s, MapBuilder b) {
        if (s.args().isEmpty()) {
            diagnostics.error(s.position(), "'" + s.name() + "' needs a name", "");
            return;
        }
        Token name = s.args().get(0);
        MapNode body = translate(blockOf(s), recordType(f), s.position(), s.name() + " " + name.text());
        b.addNamed(f.key(), s.position(), name.text(), name.position(), body);
    }

    /**
     * A block in upper case, as keepalived names its checkers ({@code TCP_CHECK}, {@code HTTP_GET}) and
     * plugins name theirs ({@code REDIS_ROLE}): a checker type (real server keywords are lower case).
     */
    private static boolean isCheckerName(Statement s) {
        return s.hasBlock() && s.name().matches("[A-Z][A-Z0-9_]*");
    }

    void unsupported(Statement s, Class<? extends Record> type, String where) {
        String hint = type == null ? "" : Suggestions.hint(s.name(), RecordSchema.of(type).keys());
        diagnostics.unsupported(s.position(), "'" + s.name() + "' in " + where + " is not supported by Vigil; ignored",
                hint);
    }

    static ScalarNode node(Token t) {
        return new ScalarNode(t.text(), t.position());
    }

    static List<Statement> blockOf(Statement s) {
        return s.block() == null ? List.of() : s.block();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> recordType(Field f) {
        return (Class<? extends Record>) f.type();
    }
}
