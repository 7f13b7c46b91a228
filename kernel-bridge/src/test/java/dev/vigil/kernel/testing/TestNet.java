package dev.vigil.kernel.testing;

import dev.vigil.kernel.KernelBridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Network namespaces for integration tests. Names are {@code vt-TAG-PID-NAME}: unique per test
 * class and run; namespaces left by dead runs with the same tag are deleted on creation; all
 * namespaces created are deleted on {@link #close()}.
 */
public final class TestNet implements AutoCloseable {
    private static final Path RUN_DIR = Path.of("/var/run/netns");
    private final String prefix;
    private final List<String> created = new ArrayList<>();

    private TestNet(String tag) {
        this.prefix = "vt-" + tag + "-" + ProcessHandle.current().pid() + "-";
        removeStale(tag);
    }

    /** Skips the calling test (with the reason) unless this is Linux, root, with {@code ip}. */
    public static void assumeNetnsCapable() {
        assumeTrue(KernelBridge.isAvailable(), () -> "skipped: kernel bridge unavailable: "
                + KernelBridge.unavailabilityCause());
        assumeTrue(isRoot(), "skipped: network namespaces need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "skipped: iproute2 (ip) is not installed");
    }

    /** True when the effective user id is 0. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the fixture for test tag {@code tag} (short, [a-z0-9]). */
    public static TestNet create(String tag) {
        assumeNetnsCapable();
        return new TestNet(tag);
    }

    private static void removeStale(String tag) {
        String stale = "vt-" + tag + "-";
        try (var s = Files.list(RUN_DIR)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(stale)) {
                    continue;
                }
                String[] parts = n.substring(stale.length()).split("-", 2);
                boolean alive = false;
                try {
                    alive = ProcessHandle.of(Long.parseLong(parts[0])).isPresent()
                            && Long.parseLong(parts[0]) != ProcessHandle.current().pid();
                } catch (NumberFormatException e) {
                    // not ours
                }
                if (!alive) {
                    run(List.of("ip", "netns", "del", n), false);
                }
            }
        } catch (IOException e) {
            // no namespaces yet
        }
    }

    /** Creates namespace {@code name} (full name returned) with loopback up. */
    public String ns(String name) {
        String full = prefix + name;
        run(List.of("ip", "netns", "add", full), true);
        created.add(full);
        exec(full, "ip", "link", "set", "lo", "up");
        return full;
    }

    /** Full name of a namespace created by {@link #ns(String)}. */
    public String name(String name) {
        return prefix + name;
    }

    /** A veth pair between two namespaces, both ends up. */
    public void veth(String ns1, String if1, String ns2, String if2) {
        // Created inside the namespaces: nothing ever appears in (or is left in) the host's.
        run(List.of("ip", "-n", ns1, "link", "add", if1, "type", "veth", "peer", "name", if2, "netns", ns2), true);
        exec(ns1, "ip", "link", "set", if1, "up");
        exec(ns2, "ip", "link", "set", if2, "up");
    }

    /** Runs a command in {@code ns}; fails the test on non-zero exit; returns stdout. */
    public String exec(String ns, String... cmd) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(cmd));
        return run(c, true);
    }

    /** Runs a command in {@code ns}, returning its exit status (output discarded). */
    public int status(String ns, String... cmd) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(cmd));
        try {
            Process p = new ProcessBuilder(c).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a background command in {@code ns}; the caller destroys it. */
    public Process start(String ns, String... cmd) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(cmd));
        try {
            return new ProcessBuilder(c).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a host command; when {@code check}, a non-zero exit throws with the output. */
    public static String run(List<String> cmd, boolean check) {
        try {
            Path out = Files.createTempFile("testnet", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after 60 s: " + String.join(" ", cmd));
                }
                String s = Files.readString(out, StandardCharsets.UTF_8);
                if (check && p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + s);
                }
                return s;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 20 ms until true or {@code timeoutMillis} passes. */
    public static boolean await(long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            run(List.of("ip", "netns", "del", created.get(i)), false);
        }
        created.clear();
    }
}
