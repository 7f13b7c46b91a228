package dev.vigil.daemon.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code vigil lab} end to end, as its own process: exit status 0, a summary with the first
 * master, a measured failover, preemption and a reload with zero transitions, and nothing left
 * behind; {@code --keep} leaves the daemons answering until {@code vigil lab --clean}.
 */
class LabCommandIT {
    private static final Pattern GAP = Pattern.compile("failover \\(kill -9\\)\\s+lb2 MASTER after ([\\d.]+) s; "
            + "client: longest gap (\\d+) ms");

    /** One run of the command: its PID (which names its namespaces) and its outcome. */
    private record Run(long pid, ExecResult result) {
    }

    private static ExecResult vigil(String... args) throws IOException, InterruptedException {
        return run(args).result();
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lab-it", ".out");
        Path err = Files.createTempFile("lab-it", ".err");
        try {
            Process p = new ProcessBuilder(VigilProcess.java(args)).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            return new Run(p.pid(), new ExecResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> labNamespaces(long pid) {
        String[] names = Path.of("/var/run/netns").toFile().list();
        return names == null ? List.of()
                : List.of(names).stream().filter(n -> n.startsWith("vigil-lab-" + pid + "-")).toList();
    }

    @Test
    void showsFailoverPreemptionAndReloadThenCleansUp() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        Run run = run("lab");
        ExecResult r = run.result();
        System.out.println(r.out() + r.err());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("summary").containsPattern("first master\\s+lb1 \\(vigil\\)")
                .containsPattern("restart, preemption\\s+lb1 MASTER again")
                .containsPattern("reload, no change\\s+0 transitions \\(lb1 applied, lb2 applied\\)")
                .containsPattern("\\n  LVS\\b")
                .contains("lab removed");
        Matcher m = GAP.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(0.5, 10.0);
        assertThat(Long.parseLong(m.group(2))).isBetween(300L, 10_000L);
        assertThat(labNamespaces(run.pid())).isEmpty();
    }

    @Test
    void keepalivedPeerReadsTheSameKeepalivedConf() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        LabAssumptions.assumeKeepalived();
        Run run = run("lab", "--peer", "keepalived");
        ExecResult r = run.result();
        System.out.println(r.out() + r.err());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("lb2: started keepalived")
                .containsPattern("failover \\(kill -9\\)\\s+lb2 MASTER after")
                .containsPattern("reload, no change\\s+0 transitions \\(lb1 applied\\)");
        assertThat(labNamespaces(run.pid())).isEmpty();
    }

    @Test
    void keepLeavesItRunningUntilClean() throws Exception {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        long pid = -1;
        try {
            Run run = run("lab", "--keep");
            pid = run.pid();
            ExecResult r = run.result();
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("lab kept running").contains("vigil lab --clean");
            assertThat(labNamespaces(pid)).isNotEmpty();
            Matcher socket = Pattern.compile("vigil status --control-socket (\\S+)").matcher(r.out());
            assertThat(socket.find()).isTrue();
            ExecResult status = vigil("status", "--control-socket", socket.group(1));
            assertThat(status.out()).contains("MASTER");
        } finally {
            ExecResult clean = vigil("lab", "--clean");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("removed");
        }
        assertThat(labNamespaces(pid)).isEmpty();
    }
}
