package dev.vigil.vrrp.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessScriptRunnerTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ProcessScriptRunner runner = new ProcessScriptRunner(4);

    @AfterEach
    void close() {
        runner.close();
    }

    private static ScriptResult await(CompletableFuture<ScriptResult> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void reportsExitCodes() throws Exception {
        ScriptResult ok = await(runner.run(List.of("true"), LONG, null));
        ScriptResult three = await(runner.run(List.of("sh", "-c", "exit 3"), LONG, null));
        assertThat(ok.success()).isTrue();
        assertThat(three).isEqualTo(new ScriptResult(ScriptResult.Kind.EXITED, 3, "exit 3"));
        assertThat(three.success()).isFalse();
        assertThat(runner.counters()).isEqualTo(new ProcessScriptRunner.Counters(2, 1, 0, 0));
    }

    @Test
    void killsAHungScriptAndItsChildAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long start = System.nanoTime();
        ScriptResult r = await(runner.run(
                List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), Duration.ofMillis(200), null));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.kind()).isEqualTo(ScriptResult.Kind.TIMED_OUT);
        assertThat(r.success()).isFalse();
        assertThat(elapsedMs).isGreaterThanOrEqualTo(200).isLessThan(10_000);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(waitUntilGone(child)).as("child %d gone", child).isTrue();
        assertThat(runner.counters().timeouts()).isEqualTo(1);
    }

    /** True once {@code pid} no longer runs (absent, or a zombie waiting for its reaper). */
    private static boolean waitUntilGone(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            String s;
            try {
                s = Files.readString(stat);
            } catch (IOException gone) {
                return true;
            }
            if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void aMissingBinaryFailsToStart() throws Exception {
        ScriptResult r = await(runner.run(List.of(dir.resolve("no-such-binary").toString()), LONG, null));
        assertThat(r.kind()).isEqualTo(ScriptResult.Kind.FAILED_TO_START);
        assertThat(r.detail()).contains("no-such-binary");
        assertThat(runner.counters().startFailures()).isEqualTo(1);
    }

    @Test
    void passesArgumentsWithQuotesAndBlanksUntouched() throws Exception {
        Path out = dir.resolve("args");
        List<String> argv = CommandLine.split(
                "sh -c 'printf \"%s\\n\" \"$@\" > \"$0\"' " + out + " 'a b' \"c\\\"d\" '$HOME' e\\ f");
        ScriptResult r = await(runner.run(argv, LONG, null));
        assertThat(r.success()).isTrue();
        assertThat(Files.readAllLines(out)).containsExactly("a b", "c\"d", "$HOME", "e f");
    }

    @Test
    void runsNoMoreThanTheBoundAtOnce() throws Exception {
        Path log = dir.resolve("log");
        try (ProcessScriptRunner one = new ProcessScriptRunner(1)) {
            List<String> argv = List.of("sh", "-c", "echo start >> " + log + "; sleep 0.2; echo end >> " + log);
            CompletableFuture<ScriptResult> a = one.run(argv, LONG, null);
            CompletableFuture<ScriptResult> b = one.run(argv, LONG, null);
            assertThat(await(a).success()).isTrue();
            assertThat(await(b).success()).isTrue();
        }
        assertThat(Files.readAllLines(log)).containsExactly("start", "end", "start", "end");
    }

    @Test
    void anotherUserNeedsRoot() throws Exception {
        try (ProcessScriptRunner notRoot = new ProcessScriptRunner(1, false)) {
            ScriptResult r = await(notRoot.run(List.of("true"), LONG, "vigil-no-such-user"));
            assertThat(r.kind()).isEqualTo(ScriptResult.Kind.FAILED_TO_START);
            assertThat(r.detail()).contains("not root");
            assertThat(notRoot.command(List.of("true"), System.getProperty("user.name"))).containsExactly("true");
        }
    }

    @Test
    void asRootAnotherUserGoesThroughRunuser() {
        try (ProcessScriptRunner asRoot = new ProcessScriptRunner(1, true)) {
            assertThat(asRoot.command(List.of("/bin/check", "x y"), "nobody"))
                    .containsExactly("runuser", "-u", "nobody", "--", "/bin/check", "x y");
            assertThat(asRoot.command(List.of("/bin/check"), "nobody nogroup"))
                    .containsExactly("runuser", "-u", "nobody", "-g", "nogroup", "--", "/bin/check");
            assertThat(asRoot.command(List.of("/bin/check"), null)).containsExactly("/bin/check");
        }
    }

    @Test
    void closingCompletesQueuedRuns() throws Exception {
        ProcessScriptRunner one = new ProcessScriptRunner(1);
        CompletableFuture<ScriptResult> running = one.run(List.of("sleep", "60"), LONG, null);
        CompletableFuture<ScriptResult> queued = one.run(List.of("true"), LONG, null);
        one.close();
        assertThat(await(running).success()).isFalse();
        assertThat(await(queued).kind()).isEqualTo(ScriptResult.Kind.FAILED_TO_START);
        assertThat(await(one.run(List.of("true"), LONG, null)).detail()).isEqualTo("runner closed");
    }

    @Test
    void closingWithGraceLetsQueuedAndRunningScriptsFinish() throws Exception {
        ProcessScriptRunner one = new ProcessScriptRunner(1);
        Path mark = dir.resolve("stopped");
        CompletableFuture<ScriptResult> running = one.run(List.of("sleep", "0.3"), LONG, null);
        CompletableFuture<ScriptResult> queued = one.run(List.of("touch", mark.toString()), LONG, null);
        one.close(Duration.ofSeconds(20));
        assertThat(await(running).success()).isTrue();
        assertThat(await(queued).success()).isTrue();
        assertThat(mark).exists();
        assertThat(await(one.run(List.of("true"), LONG, null)).detail()).isEqualTo("runner closed");
    }
}
