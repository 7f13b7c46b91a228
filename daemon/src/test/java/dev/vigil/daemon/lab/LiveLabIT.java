package dev.vigil.daemon.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
        try (LabSession lab = LabSession.start()) {
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
        assertThat(LabSession.namespaces(pid)).isEmpty();
    }

    @Test
    void sigtermRemovesTheLab() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        long pid;
        try (LabSession lab = LabSession.start()) {
            pid = lab.process.pid();
            lab.await("a master", Duration.ofSeconds(180), f -> f.contains("master: lb"));
            assertThat(LabSession.namespaces(pid)).isNotEmpty();
            lab.process.destroy();
            assertThat(lab.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(LabSession.namespaces(pid)).isEmpty();
    }
}
