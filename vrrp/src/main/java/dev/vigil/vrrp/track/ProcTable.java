package dev.vigil.vrrp.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Counts processes under a {@code /proc} tree (the real one, or a directory a test built). */
final class ProcTable {
    private ProcTable() {
    }

    /**
     * The number of live processes (not zombies) under {@code procRoot} that {@code spec} matches.
     * A process that exits while it is read is skipped.
     */
    static int count(Path procRoot, ProcessSpec spec) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procRoot, ProcTable::isPid)) {
            for (Path dir : dirs) {
                try {
                    if (matches(dir, spec)) {
                        n++;
                    }
                } catch (IOException gone) {
                    // The process ended between listing and reading: it does not count.
                }
            }
        }
        return n;
    }

    private static boolean isPid(Path p) {
        String s = p.getFileName().toString();
        return !s.isEmpty() && s.charAt(0) != '0' && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean matches(Path dir, ProcessSpec spec) throws IOException {
        String name = null;
        String state = "";
        for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Name:")) {
                name = line.substring(5).strip();
            } else if (line.startsWith("State:")) {
                state = line.substring(6).strip();
                break;
            }
        }
        if (name == null || state.startsWith("Z") || state.startsWith("X")) {
            return false;
        }
        if (!spec.usesCommandLine()) {
            return spec.matchesName(name);
        }
        return spec.matchesCommandLine(commandLine(Files.readAllBytes(dir.resolve("cmdline"))));
    }

    /** The NUL-separated words of a {@code cmdline} file. */
    static List<String> commandLine(byte[] raw) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                words.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            words.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return words;
    }
}
