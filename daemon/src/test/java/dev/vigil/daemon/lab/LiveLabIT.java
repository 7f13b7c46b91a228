package dev.vigil.daemon.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The interactive {@code vigil lab}, as its own process with keys written to its standard input:
 * the live view names the master, {@code k} moves the VIP to lb2, {@code 1} kills and revives web1,
 * {@code r} brings lb1 back (it preempts), {@code q} quits and removes every namespace; SIGTERM
 * removes them too.
 */
class LiveLabIT {
    /** A running {@code vigil lab --interactive} and everything it printed so far. */
    private static final class Lab implements AutoCloseable {
        final Process process;
        final StringBuffer text = new StringBuffer();
        final Thread reader;

        Lab() throws IOException {
            process = new ProcessBuilder(VigilProcess.java("lab", "--interactive")).redirectErrorStream(true).start();
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

        /** The last complete frame of the live view. */
        String frame() {
            String all = text.toString();
            int end = all.lastIndexOf("\nvigil lab  ");
            int start = end < 0 ? -1 : all.lastIndexOf("\nvigil lab  ", end - 1);
            return start < 0 ? "" : all.substring(start + 1, end + 1);
        }

        void press(String key) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((key + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }

        void await(String what, Duration deadline, Predicate<String> frame) {
            Wait.until(what + "; output so far:\n" + tail(), deadline, () -> frame.test(frame()));
        }

        String tail() {
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

    private static List<String> labNamespaces(long pid) {
        String[] names = Path.of("/var/run/netns").toFile().list();
        return names == null ? List.of()
                : List.of(names).stream().filter(n -> n.startsWith("vigil-lab-" + pid + "-")).toList();
    }

    private static boolean backend(String frame, String name, String running, String get) {
        return Pattern.compile(name + "\\s+\\S+\\s+" + running + "\\s+lab GET: " + get + "\\b").matcher(frame).find();
    }

    private static boolean allUp(String f) {
        return backend(f, "web1", "running", "up") && backend(f, "web2", "running", "up") && backend(f, "web3", "running", "up");
    }

    @Test
    void keysKillAndReviveWhileTheViewFollows() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        long pid;
        try (Lab lab = new Lab()) {
            pid = lab.process.pid();
            lab.await("lb1 master, every backend up", Duration.ofSeconds(180),
                    f -> f.contains("master: lb1 ") && allUp(f));
            lab.press("k");
            lab.await("lb2 master after k", Duration.ofSeconds(60),
                    f -> f.contains("master: lb2 ") && f.matches("(?s).*lb1\\s+killed.*"));
            System.out.println("after k:\n" + lab.frame());
            lab.press("1");
            lab.await("web1 down after 1", Duration.ofSeconds(30), f -> backend(f, "web1", "killed", "DOWN"));
            lab.press("1");
            lab.await("web1 back after 1", Duration.ofSeconds(90), f -> backend(f, "web1", "running", "up"));
            lab.press("r");
            lab.await("lb1 master again after r", Duration.ofSeconds(120),
                    f -> f.contains("master: lb1 ") && f.contains("r: lb1 restarted"));
            lab.press("q");
            assertThat(lab.process.waitFor(120, TimeUnit.SECONDS)).as(lab.tail()).isTrue();
            lab.reader.join(10_000);
            assertThat(lab.process.exitValue()).as(lab.tail()).isZero();
            assertThat(lab.text.toString()).contains("lab removed").containsPattern("client: pings to|client: GET");
        }
        assertThat(labNamespaces(pid)).isEmpty();
    }

    @Test
    void sigtermRemovesTheLab() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        long pid;
        try (Lab lab = new Lab()) {
            pid = lab.process.pid();
            lab.await("a master", Duration.ofSeconds(180), f -> f.contains("master: lb"));
            assertThat(labNamespaces(pid)).isNotEmpty();
            lab.process.destroy();
            assertThat(lab.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(labNamespaces(pid)).isEmpty();
    }
}
