package dev.vigil.daemon.plugin;

import dev.vigil.daemon.runtime.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The directory PF4J loads plugins from in this process: a private copy of the plugins directory.
 * PF4J unpacks each archive into a folder beside it; doing that in the installed directory fails
 * when the daemon runs as a user that cannot write there (the systemd unit's {@code vigil}), and
 * races when several daemons on one host (one per network namespace) start together. The copy
 * holds the archives ({@code .zip}, {@code .jar}), links to plugin folders that have no archive,
 * and PF4J's {@code enabled.txt} / {@code disabled.txt}; it is named after the process
 * ({@code vigil-plugins-PID-*} in the temporary directory) and deleted on {@link #close()}. Copies
 * left by processes that no longer run (kill -9) are removed when the next one is made.
 */
final class PluginWorkDir implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginWorkDir.class);
    private static final String PREFIX = "vigil-plugins-";

    private final Path dir;
    private final List<Path> entries;

    private PluginWorkDir(Path dir, List<Path> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    /** A private copy of {@code source} under {@code tmp}. */
    static PluginWorkDir of(Path source, Path tmp) throws IOException {
        Objects.requireNonNull(source, "source");
        removeStale(tmp);
        Path dir = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(source)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                Path target = dir.resolve(name);
                if (Files.isRegularFile(p) && (name.endsWith(".zip") || name.endsWith(".jar"))) {
                    Files.copy(p, target);
                    entries.add(p);
                } else if (Files.isRegularFile(p) && (name.equals("enabled.txt") || name.equals("disabled.txt"))) {
                    Files.copy(p, target);
                } else if (Files.isDirectory(p) && !Files.exists(source.resolve(name + ".zip"))) {
                    Files.createSymbolicLink(target, p.toAbsolutePath());
                    entries.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
        return new PluginWorkDir(dir, List.copyOf(entries));
    }

    Path dir() {
        return dir;
    }

    /** The archives and plugin folders of the source directory, each meant to be one plugin. */
    List<Path> entries() {
        return entries;
    }

    /** The source entry a path of the copy stands for (by file name). */
    Path sourceOf(Path inCopy) {
        String name = inCopy.getFileName().toString();
        for (Path e : entries) {
            String n = e.getFileName().toString();
            if (n.equals(name) || (n.endsWith(".zip") && n.substring(0, n.length() - 4).equals(name))) {
                return e;
            }
        }
        return inCopy;
    }

    @Override
    public void close() {
        delete(dir);
    }

    /** Removes {@code vigil-plugins-PID-*} directories whose process has ended. */
    private static void removeStale(Path tmp) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    LOG.info("removing {}, left by process {} which no longer runs", p, pid);
                    delete(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", tmp, e.toString());
        }
    }

    /** Deletes a tree without following links (a link to a plugin folder is removed, not its target). */
    static void delete(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", root, e.toString());
        }
    }
}
