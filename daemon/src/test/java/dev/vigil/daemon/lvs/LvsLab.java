package dev.vigil.daemon.lvs;

import dev.vigil.daemon.lab.LabBackends;
import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.kernel.testing.IpvsTestNet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A load balancer lab on one bridge: node {@code lb} (the director, 10.20.0.1 on {@code eth0}, VIP
 * 10.10.0.100 on a dummy) and node {@code rs} (the backends: HTTP servers {@code rs1..rs3} on
 * 10.20.0.11-13:8080, default route through the director).
 */
final class LvsLab implements AutoCloseable {
    static final String VIP = "10.10.0.100";
    static final int BACKEND_PORT = 8080;

    private final NetLab lab;
    private final Path backendScript;
    private final Map<Integer, Process> backends = new HashMap<>();
    private final Map<String, Process> others = new HashMap<>();

    private LvsLab(NetLab lab, Path backendScript) {
        this.lab = lab;
        this.backendScript = backendScript;
    }

    /** Builds the lab (skips without IPVS, fails under IPVS_VM) and starts the three backends. */
    static LvsLab create(String base) {
        IpvsTestNet.requireIpvs();
        NetLab lab = NetLab.create(base);
        try {
            LvsLab l = new LvsLab(lab, backendScript(lab.dir()));
            l.wire();
            for (int i = 1; i <= 3; i++) {
                l.startBackend(i);
            }
            return l;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void wire() {
        String lb = lab.addNode("lb", "10.20.0.1/24", null).ns();
        String rs = lab.addNode("rs", "10.20.0.11/24", null).ns();
        lab.exec(lb, "ip", "link", "add", "vip0", "type", "dummy");
        lab.exec(lb, "ip", "addr", "add", VIP + "/32", "dev", "vip0");
        lab.exec(lb, "ip", "link", "set", "vip0", "up");
        lab.exec(rs, "ip", "addr", "add", "10.20.0.12/24", "dev", "eth0");
        lab.exec(rs, "ip", "addr", "add", "10.20.0.13/24", "dev", "eth0");
        lab.exec(rs, "ip", "route", "add", "default", "via", "10.20.0.1");
    }

    NetLab net() {
        return lab;
    }

    String lbNs() {
        return lab.node("lb").ns();
    }

    /** Starts backend {@code i} (rs{@code i} on 10.20.0.1{@code i}:8080) and waits until it answers. */
    void startBackend(int i) {
        String address = "10.20.0.1" + i;
        List<String> cmd = List.of("ip", "netns", "exec", lab.node("rs").ns(), "python3", backendScript.toString(),
                "rs" + i, address, Integer.toString(BACKEND_PORT));
        try {
            backends.put(i, new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(lab.dir().resolve("rs" + i + ".log").toFile()).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start backend rs" + i, e);
        }
        poll("backend rs" + i + " answers", Duration.ofSeconds(120),
                () -> ("rs" + i + "\n").equals(fetch(lbNs(), "http://" + address + ":" + BACKEND_PORT + "/")));
    }

    /**
     * Starts a backend named {@code name} on {@code address}:8080 in node {@code rs} (the address
     * must be on its eth0) and waits until it answers there, asked from {@code rs} itself: the
     * director may have no plain route to it. Stopped by {@link #close()}.
     */
    void startBackend(String name, String address) {
        String rs = lab.node("rs").ns();
        List<String> cmd = List.of("ip", "netns", "exec", rs, "python3", backendScript.toString(), name, address,
                Integer.toString(BACKEND_PORT));
        try {
            others.put(name, new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(lab.dir().resolve(name + ".log").toFile()).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start backend " + name, e);
        }
        poll("backend " + name + " answers", Duration.ofSeconds(120),
                () -> (name + "\n").equals(fetch(rs, "http://" + address + ":" + BACKEND_PORT + "/")));
    }

    /** Stops backend {@code i} (by its PID) and waits for it to exit. */
    void stopBackend(int i) {
        Process p = Objects.requireNonNull(backends.remove(i), "backend rs" + i + " is not running");
        p.destroy();
        poll("backend rs" + i + " exits", Duration.ofSeconds(60), () -> !p.isAlive());
    }

    /** An HTTP GET from {@code ns}: the body, or null when it failed. */
    String fetch(String ns, String url) {
        ExecResult r = lab.run(ns, "curl", "-s", "-m", "5", url);
        return r.ok() ? r.out() : null;
    }

    /** {@code ipvsadm -Sn} in the director. */
    String table() {
        return lab.exec(lbNs(), "ipvsadm", "-Sn");
    }

    /** Empties the director's IPVS table. */
    void flush() {
        lab.exec(lbNs(), "ipvsadm", "-C");
    }

    /**
     * Waits until the table satisfies {@code wanted} and then stays the same for {@code quiet}
     * (several check periods), and returns it.
     */
    String stableTable(String what, Predicate<String> wanted, Duration quiet, Duration deadline, LabProcess daemon) {
        String[] last = {null};
        long[] since = {0};
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        try {
            poll(what, deadline, () -> {
                String t = table();
                if (seen.size() < 4) {
                    seen.add(t);
                }
                long now = System.nanoTime();
                if (!wanted.test(t)) {
                    last[0] = t;
                    since[0] = Long.MAX_VALUE;
                    return false;
                }
                if (!t.equals(last[0]) || since[0] == Long.MAX_VALUE) {
                    last[0] = t;
                    since[0] = now;
                    return false;
                }
                return now - since[0] >= quiet.toNanos();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast table:\n" + last[0] + "\nfirst tables seen:\n"
                    + String.join("--\n", seen) + "\n" + daemon + " log:\n"
                    + tail(daemon.log()), e);
        }
        return last[0];
    }

    /** Polls every 250 ms (each poll runs commands in namespaces; the VM is slow) until the deadline. */
    static void poll(String what, Duration deadline, java.util.function.BooleanSupplier condition) {
        poll(what, deadline, Duration.ofMillis(250), condition);
    }

    /** Polls every {@code every} until the deadline. */
    static void poll(String what, Duration deadline, Duration every, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    /** Writes the lab's web backend (python3; argv NAME ADDRESS PORT) to {@code dir}. */
    static Path backendScript(Path dir) {
        try {
            return Files.writeString(dir.resolve("backend.py"), LabBackends.serverScript());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of test resource {@code lvs/NAME} in {@code dir}. */
    static Path copyResource(Path dir, String name) {
        try (InputStream in = LvsLab.class.getResourceAsStream("/lvs/" + name)) {
            Objects.requireNonNull(in, "test resource lvs/" + name);
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plugins directory holding the health checkers plugin zip the build made
     * ({@code healthcheckers/target/vigil-healthcheckers-*.zip}, looked up from the working directory
     * and its parent), or null when there is none.
     */
    Path pluginsDir() {
        return pluginsDir(lab.dir());
    }

    /** {@link #pluginsDir()} for a lab directory {@code labDir}: the copy goes to {@code labDir/plugins}. */
    static Path pluginsDir(Path labDir) {
        for (Path base : List.of(Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().getParent())) {
            Path target = base.resolve("healthcheckers/target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> s = Files.list(target)) {
                Path zip = s.filter(p -> p.getFileName().toString().matches("vigil-healthcheckers-.*\\.zip"))
                        .findFirst().orElse(null);
                if (zip != null) {
                    Path dir = Files.createDirectories(labDir.resolve("plugins"));
                    Files.copy(zip, dir.resolve(zip.getFileName()));
                    return dir;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            for (Process p : backends.values()) {
                p.destroyForcibly();
            }
            backends.clear();
            for (Process p : others.values()) {
                p.destroyForcibly();
            }
            others.clear();
        } finally {
            lab.close();
        }
    }
}
