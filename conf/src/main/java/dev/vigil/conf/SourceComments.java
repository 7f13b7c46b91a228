package dev.vigil.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Comment lines of source files by file and line, to carry the ones written above a block into another format. */
public final class SourceComments {
    /** No comments. */
    public static final SourceComments NONE = new SourceComments();

    private final Map<String, NavigableMap<Integer, String>> byFile = new HashMap<>();

    /** Records a comment that is alone on {@code line} (its text without the comment character). */
    public void add(String file, int line, String text) {
        byFile.computeIfAbsent(file, f -> new TreeMap<>()).put(line, text);
    }

    /** The comment lines directly above {@code at} (no blank line between), in order. */
    public List<String> above(SourcePosition at) {
        NavigableMap<Integer, String> lines = byFile.get(at.file());
        if (lines == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int line = at.line() - 1; lines.containsKey(line); line--) {
            out.add(lines.get(line));
        }
        Collections.reverse(out);
        return out;
    }
}
