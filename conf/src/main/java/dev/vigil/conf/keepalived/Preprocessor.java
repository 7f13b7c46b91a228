package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourceComments;
import dev.vigil.conf.SourcePosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * keepalived's line-level processing, in its order: comments ({@code !} and {@code #} outside
 * quotes), {@code include} with globs relative to the including file, {@code @id} / {@code @^id}
 * conditional lines, {@code $NAME=value} definitions (multi-line with trailing backslashes) and
 * their substitution, and {@code ~SEQ(var, start, step, end)} repetition.
 */
final class Preprocessor {
    private static final Pattern DEFINITION = Pattern.compile("\\$([A-Za-z_]\\w*)=(.*)");
    private static final Pattern INCLUDE = Pattern.compile("(include[rmwba]?)\\s+(.+)");
    private static final int MAX_DEPTH = 32;

    private final String configId;
    private final Diagnostics diagnostics;
    private final SourceComments comments;
    private final Map<String, String> params = new HashMap<>();
    private final Includes includes;
    private final List<Line> out = new ArrayList<>();
    private String pendingName;
    private StringBuilder pendingValue;

    Preprocessor(String configId, Diagnostics diagnostics, SourceComments comments) {
        this.configId = configId;
        this.diagnostics = diagnostics;
        this.comments = comments;
        this.includes = new Includes(diagnostics);
        params.put("_HASH", "#");
        params.put("_BANG", "!");
        if (configId != null) {
            params.put("_INSTANCE", configId);
        }
    }

    /** Every logical line of {@code file} and the files it includes. */
    List<Line> read(Path file) {
        readFile(file.toAbsolutePath().normalize(), file.toString(), 0);
        return List.copyOf(out);
    }

    private void readFile(Path file, String label, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(new SourcePosition(label, 0, 0), "cannot read " + file + ": " + e.getMessage());
            return;
        }
        String savedPwd = params.get("_PWD");
        params.put("_PWD", file.getParent() == null ? "." : file.getParent().toString());
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String text = Comments.strip(raw);
            if (text.isBlank() && !raw.isBlank() && pendingName == null) {
                comments.add(label, i + 1, Comments.text(raw));
            }
            int indent = text.length() - text.stripLeading().length();
            SourcePosition at = new SourcePosition(label, i + 1, indent + 1);
            if (!continueDefinition(text)) {
                process(text, at, file, depth);
            }
        }
        params.put("_PWD", savedPwd);
    }

    /** Adds a line to a multi-line definition in progress; false when there is none. */
    private boolean continueDefinition(String text) {
        if (pendingName == null) {
            return false;
        }
        String t = text.strip();
        boolean more = t.endsWith("\\");
        pendingValue.append('\n').append(more ? t.substring(0, t.length() - 1).strip() : t);
        if (!more) {
            params.put(pendingName, pendingValue.toString());
            pendingName = null;
        }
        return true;
    }

    private void process(String text, SourcePosition at, Path file, int depth) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        Matcher include = INCLUDE.matcher(t);
        if (include.matches() && depth < MAX_DEPTH) {
            for (Path p : includes.expand(file, include.group(2).strip(), at)) {
                readFile(p, relativeLabel(file, p, at), depth + 1);
            }
            return;
        }
        if (t.startsWith("@")) {
            conditional(t, at, file, depth);
            return;
        }
        Matcher def = DEFINITION.matcher(t);
        if (def.matches()) {
            define(def.group(1), def.group(2));
            return;
        }
        if (t.startsWith("~SEQ")) {
            Sequence.expand(t, at, diagnostics, (var, value, rest) -> {
                params.put(var, value);
                process(rest, at, file, depth);
            });
            return;
        }
        substituted(t, at, file, depth);
    }

    private void conditional(String t, SourcePosition at, Path file, int depth) {
        int space = t.indexOf(' ') < 0 ? t.length() : t.indexOf(' ');
        int tab = t.indexOf('\t') < 0 ? t.length() : t.indexOf('\t');
        int end = Math.min(space, tab);
        boolean negate = t.startsWith("@^");
        String id = t.substring(negate ? 2 : 1, end);
        boolean matches = id.equals(configId);
        if (matches != negate) {
            process(t.substring(end), at, file, depth);
        }
    }

    private void define(String name, String value) {
        String v = value.strip();
        if (v.endsWith("\\")) {
            pendingName = name;
            pendingValue = new StringBuilder(v.substring(0, v.length() - 1).strip());
        } else {
            params.put(name, v);
        }
    }

    private void substituted(String t, SourcePosition at, Path file, int depth) {
        String s = Parameters.substitute(t, params);
        if (s.equals(t)) {
            out.add(new Line(t, at));
            return;
        }
        for (String part : s.split("\n")) {
            if (depth > MAX_DEPTH) {
                diagnostics.error(at, "parameters nest too deeply");
                return;
            }
            process(part, at, file, depth + 1);
        }
    }

    private static String relativeLabel(Path including, Path included, SourcePosition at) {
        Path dir = Path.of(at.file()).getParent();
        return dir == null ? including.getParent().relativize(included).toString()
                : dir.resolve(including.getParent().relativize(included)).normalize().toString();
    }
}
