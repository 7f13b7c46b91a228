package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands an {@code include} pattern, relative to the including file's directory, to the files it names in order. */
final class Includes {
    private final Diagnostics diagnostics;

    Includes(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<Path> expand(Path includingFile, String pattern, SourcePosition at) {
        String unquoted = pattern.replace("\"", "").replace("'", "");
        Path dir = includingFile.getParent() == null ? Path.of(".") : includingFile.getParent();
        Path full = dir.resolve(unquoted).normalize();
        if (!hasGlob(full.getFileName().toString()) && !hasGlob(String.valueOf(full.getParent()))) {
            if (Files.isRegularFile(full)) {
                return List.of(full);
            }
            diagnostics.warning(at, "include file " + unquoted + " does not exist", "");
            return List.of();
        }
        List<Path> found = matches(full);
        if (found.isEmpty()) {
            diagnostics.warning(at, "include pattern " + unquoted + " matches no file", "");
        }
        return found;
    }

    private static List<Path> matches(Path full) {
        Path root = full.getRoot() == null ? Path.of(".") : full.getRoot();
        List<Path> dirs = new ArrayList<>(List.of(root));
        int n = full.getNameCount();
        for (int i = 0; i < n; i++) {
            String part = full.getName(i).toString();
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + part);
            boolean last = i == n - 1;
            List<Path> next = new ArrayList<>();
            for (Path d : dirs) {
                if (!hasGlob(part)) {
                    Path p = d.resolve(part);
                    if (last ? Files.isRegularFile(p) : Files.isDirectory(p)) {
                        next.add(p);
                    }
                    continue;
                }
                try (Stream<Path> list = Files.list(d)) {
                    list.filter(p -> m.matches(p.getFileName()))
                            .filter(p -> last ? Files.isRegularFile(p) : Files.isDirectory(p)).sorted().forEach(next::add);
                } catch (IOException e) {
                    // an unreadable directory matches nothing, as glob(3) skips it
                }
            }
            dirs = next;
        }
        return dirs;
    }

    private static boolean hasGlob(String s) {
        return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
    }
}
