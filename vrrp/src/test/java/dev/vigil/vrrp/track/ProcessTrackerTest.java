package dev.vigil.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.time.VirtualScheduler;
import dev.vigil.vrrp.track.ProcessSpec.ParamMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTrackerTest {
    private static final Duration POLL = Duration.ofMillis(500);

    @TempDir
    Path proc;

    private final VirtualScheduler loop = new VirtualScheduler();

    /** Adds /proc/PID with a status (Name, State) and a NUL-separated cmdline. */
    private void process(int pid, String comm, String state, String... argv) throws IOException {
        Path d = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(d.resolve("status"), "Name:\t" + comm + "\nUmask:\t0022\nState:\t" + state + "\nPid:\t" + pid + "\n");
        StringBuilder cmd = new StringBuilder();
        for (String a : argv) {
            cmd.append(a).append('\0');
        }
        Files.write(d.resolve("cmdline"), cmd.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void kill(int pid) throws IOException {
        Path d = proc.resolve(Integer.toString(pid));
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(d);
    }

    private ProcessTracker tracker(ProcessSpec spec) {
        ProcessTracker t = new ProcessTracker("p", spec, proc, POLL, Runnable::run, loop);
        t.start();
        loop.runDue();
        return t;
    }

    private static ProcessSpec spec(List<String> command, ParamMatch match, boolean full, int quorum, int max) {
        return new ProcessSpec(command, match, full, quorum, max, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void countsLiveProcessesByNameSkippingZombiesAndOtherNames() throws Exception {
        process(100, "haproxy", "S (sleeping)", "/usr/sbin/haproxy", "-f", "/etc/haproxy.cfg");
        process(101, "haproxy", "R (running)", "/usr/sbin/haproxy", "-f", "/etc/haproxy.cfg");
        process(102, "haproxy", "Z (zombie)");
        process(103, "haproxy-mon", "S (sleeping)", "haproxy-mon");
        process(104, "sshd", "S (sleeping)", "sshd");
        Files.createDirectories(proc.resolve("self"));
        ProcessTracker t = tracker(spec(List.of("haproxy"), null, false, 2, 2));
        assertThat(t.status()).isEqualTo(new TrackStatus(true, 2));

        process(105, "haproxy", "S (sleeping)", "haproxy");
        loop.advance(POLL);
        assertThat(t.status()).isEqualTo(new TrackStatus(false, 3));
        kill(105);
        kill(101);
        loop.advance(POLL);
        assertThat(t.status()).isEqualTo(new TrackStatus(false, 3));
        process(101, "haproxy", "S (sleeping)", "haproxy");
        loop.advance(POLL);
        assertThat(t.status()).isEqualTo(new TrackStatus(true, 2));
    }

    @Test
    void longNamesAreComparedAsTheKernelCutsThem() throws Exception {
        process(200, "a-very-long-pro", "S (sleeping)", "/opt/a-very-long-process-name");
        assertThat(tracker(ProcessSpec.named("a-very-long-process-name")).status().up()).isTrue();
    }

    @Test
    void parametersMatchExactlyPartiallyOrInitially() throws Exception {
        process(300, "nginx", "S (sleeping)", "/usr/sbin/nginx", "-c", "/etc/nginx/site-a.conf", "-g", "daemon off;");
        process(301, "nginx", "S (sleeping)", "/usr/sbin/nginx", "-c", "/etc/nginx/site-b.conf");
        process(302, "nginx", "S (sleeping)", "/usr/sbin/nginx");
        assertThat(count(List.of("/usr/sbin/nginx", "-c", "/etc/nginx/site-b.conf"), null, false)).isEqualTo(1);
        assertThat(count(List.of("/usr/sbin/nginx", "-c", "/etc/nginx/site-a.conf"), ParamMatch.EXACT, false)).isZero();
        assertThat(count(List.of("/usr/sbin/nginx", "-c", "/etc/nginx/site-a.conf"), ParamMatch.PARTIAL, false))
                .isEqualTo(1);
        assertThat(count(List.of("/usr/sbin/nginx", "-c", "/etc/nginx/site-"), ParamMatch.INITIAL, false)).isEqualTo(2);
        assertThat(count(List.of("/usr/sbin/nginx", "-c", "/etc/nginx/site-"), ParamMatch.PARTIAL, false)).isZero();
        assertThat(count(List.of("/usr/sbin/nginx"), ParamMatch.PARTIAL, false)).isEqualTo(1);
        assertThat(count(List.of("/usr/sbin/nginx"), null, true)).isEqualTo(3);
        assertThat(count(List.of("nginx"), null, true)).isZero();
        assertThat(count(List.of("nginx"), null, false)).isEqualTo(3);
    }

    private int count(List<String> command, ParamMatch match, boolean full) throws IOException {
        return ProcTable.count(proc, spec(command, match, full, 1, Integer.MAX_VALUE));
    }

    @Test
    void forkAndTerminateDelaysHoldBackChanges() throws Exception {
        process(400, "keepme", "S (sleeping)", "keepme");
        ProcessSpec spec = new ProcessSpec(List.of("keepme"), null, false, 1, Integer.MAX_VALUE,
                Duration.ofSeconds(2), Duration.ofSeconds(3));
        ProcessTracker t = tracker(spec);
        List<TrackStatus> seen = new ArrayList<>();
        t.subscribe(seen::add);
        assertThat(t.status().up()).as("the first scan is not delayed").isTrue();

        kill(400);
        loop.advance(POLL);
        process(401, "keepme", "S (sleeping)", "keepme");
        loop.advance(POLL);
        loop.advance(Duration.ofSeconds(5));
        assertThat(seen).as("a restart within terminate_delay does not bounce").isEmpty();

        kill(401);
        loop.advance(Duration.ofMillis(2900));
        assertThat(t.status().up()).isTrue();
        loop.advance(Duration.ofMillis(600));
        assertThat(t.status()).isEqualTo(new TrackStatus(false, 0));

        process(402, "keepme", "S (sleeping)", "keepme");
        loop.advance(Duration.ofMillis(1900));
        assertThat(t.status().up()).isFalse();
        loop.advance(Duration.ofMillis(600));
        assertThat(t.status().up()).isTrue();
        assertThat(seen).containsExactly(new TrackStatus(false, 0), new TrackStatus(true, 1));
    }

    @Test
    void quorumZeroMaxZeroIsUpWhileAbsent() throws Exception {
        ProcessTracker t = tracker(spec(List.of("forbidden"), null, false, 0, 0));
        assertThat(t.status()).isEqualTo(new TrackStatus(true, 0));
        process(500, "forbidden", "S (sleeping)", "forbidden");
        loop.advance(POLL);
        assertThat(t.status()).isEqualTo(new TrackStatus(false, 1));
    }

    @Test
    void commandLineWordsAreSplitOnNul() {
        assertThat(ProcTable.commandLine("a\0b c\0\0d\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a", "b c", "", "d");
        assertThat(ProcTable.commandLine("no-nul".getBytes(StandardCharsets.UTF_8))).containsExactly("no-nul");
    }
}
