package dev.vigil.daemon.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Removes labs a {@link NetLab} left behind (names {@code BASE-PID-...}): the processes running in
 * their namespaces (found with {@code ip netns pids}, stopped by PID: SIGTERM, then SIGKILL after
 * 10 s), the namespaces, and their directories under {@code java.io.tmpdir}.
 */
public final class LabCleanup {
    private static final Path NETNS_DIR = Path.of("/var/run/netns");

    private LabCleanup() {
    }

    /** Removes every lab of {@code base}, running or not; returns the namespaces deleted. */
    public static List<String> all(String base) {
        return remove(base, false);
    }

    /** Removes the labs of {@code base} whose creating process is gone; returns the namespaces deleted. */
    public static List<String> stale(String base) {
        return remove(base, true);
    }

    private static List<String> remove(String base, boolean onlyStale) {
        Objects.requireNonNull(base, "base");
        List<String> gone = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (String ns : list(NETNS_DIR, base + "-")) {
            String owner = ns.substring(base.length() + 1).split("-", 2)[0];
            if (!owner.matches("\\d+") || onlyStale && ProcessHandle.of(Long.parseLong(owner)).isPresent()) {
                continue;
            }
            stopProcesses(ns);
            Commands.run(List.of("ip", "netns", "del", ns));
            gone.add(ns);
            owners.add(owner);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (String owner : owners.stream().distinct().toList()) {
            for (String dir : list(tmp, base + "-" + owner + "-")) {
                Commands.run(List.of("rm", "-rf", "--", tmp.resolve(dir).toString()));
            }
        }
        return gone;
    }

    private static List<String> list(Path dir, String prefix) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void stopProcesses(String ns) {
        List<ProcessHandle> running = Commands.run(List.of("ip", "netns", "pids", ns)).out().lines()
                .map(String::strip).filter(l -> l.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)).stream()).toList();
        running.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : running) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
