package dev.vigil.kernel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A packet capture (tcpdump, tshark) running in a test namespace, its output (stdout and stderr)
 * collected as it comes. Start it, {@link #awaitReady} until the tool says it listens, send, then
 * {@link #awaitExit} (use {@code -c N}) and read {@link #output()}.
 */
public final class Capture implements AutoCloseable {
    private final Process process;
    private final String readyMarker;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Thread reader;

    private Capture(Process process, String readyMarker) {
        this.process = process;
        this.readyMarker = readyMarker;
        this.reader = new Thread(this::pump, "capture-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips the calling test (saying why) unless {@code tool} is an executable on the PATH. */
    public static void assumeInstalled(String tool) {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin")
                        .split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool)));
        org.junit.jupiter.api.Assumptions.assumeTrue(found, () -> "skipped: " + tool + " is not installed");
    }

    /**
     * Starts {@code cmd} in namespace {@code ns}; {@code readyMarker} is the text the tool prints
     * once capturing ({@code "listening on"} for tcpdump, {@code "Capturing on"} for tshark).
     */
    public static Capture start(TestNet net, String ns, String readyMarker, String... cmd) {
        return new Capture(net.start(ns, cmd), readyMarker);
    }

    private void pump() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** Everything the tool printed so far. */
    public String output() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the ready marker appears; false on timeout or when the tool died first. */
    public boolean awaitReady(long timeoutMillis) {
        return TestNet.await(timeoutMillis, () -> output().contains(readyMarker) || !process.isAlive())
                && output().contains(readyMarker);
    }

    /** Waits until the tool exits and its output is read; false on timeout. */
    public boolean awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(Math.max(1_000, timeoutMillis)); // join(0) would wait for ever
        return true;
    }

    /** The bytes of the first packet in {@code tcpdump -xx} output (lines {@code \t0x0000:  ffff ...}). */
    public static byte[] tcpdumpBytes(String output) {
        StringBuilder hex = new StringBuilder();
        boolean seen = false;
        for (String line : output.split("\n")) {
            String t = line.strip();
            if (t.startsWith("0x")) {
                if (t.startsWith("0x0000:") && seen) {
                    break;
                }
                seen = true;
                hex.append(t.substring(t.indexOf(':') + 1).replace(" ", ""));
            }
        }
        return java.util.HexFormat.of().parseHex(hex);
    }

    /** The bytes of the first packet in {@code tshark -x} output (lines {@code 0000  33 33 00 ...  ascii}). */
    public static byte[] tsharkBytes(String output) {
        StringBuilder hex = new StringBuilder();
        boolean seen = false;
        for (String line : output.split("\n")) {
            if (!line.matches("^[0-9a-f]{4}  [0-9a-f]{2} .*")) {
                continue;
            }
            if (line.startsWith("0000") && seen) {
                break;
            }
            seen = true;
            for (int i = 0; i < 16 && 6 + 3 * i + 2 <= line.length(); i++) {
                String b = line.substring(6 + 3 * i, 6 + 3 * i + 2);
                if (!b.matches("[0-9a-f]{2}") || line.charAt(5 + 3 * i) != ' ') {
                    break;
                }
                hex.append(b);
            }
        }
        return java.util.HexFormat.of().parseHex(hex);
    }

    /** Stops the tool if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
