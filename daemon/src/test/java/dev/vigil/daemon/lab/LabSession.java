package dev.vigil.daemon.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A running {@code vigil lab --interactive} as its own process, and everything it printed so far. */
public final class LabSession implements AutoCloseable {
    public final Process process;
    public final StringBuffer text = new StringBuffer();
    public final Thread reader;

    private LabSession(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // process gone
            }
        }, "lab-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code vigil lab --interactive}, started as the launcher would, plus {@code jvmOptions}. */
    public static LabSession start(String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>(VigilProcess.java("lab", "--interactive"));
        cmd.addAll(1, List.of(jvmOptions));
        return new LabSession(cmd);
    }

    /** The lab namespaces of the lab process {@code pid} that still exist. */
    public static List<String> namespaces(long pid) {
        String[] names = Path.of("/var/run/netns").toFile().list();
        return names == null ? List.of()
                : List.of(names).stream().filter(n -> n.startsWith("vigil-lab-" + pid + "-")).toList();
    }

    /** The last complete frame of the live view. */
    public String frame() {
        String all = text.toString();
        int end = all.lastIndexOf("\nvigil lab  ");
        int start = end < 0 ? -1 : all.lastIndexOf("\nvigil lab  ", end - 1);
        return start < 0 ? "" : all.substring(start + 1, end + 1);
    }

    public void press(String key) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((key + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    public void await(String what, Duration deadline, Predicate<String> frame) {
        Wait.until(what + "; output so far:\n" + tail(), deadline, () -> frame.test(frame()));
    }

    public String tail() {
        String all = text.toString();
        return all.substring(Math.max(0, all.length() - 4000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
