package dev.vigil.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.script.ProcessScriptRunner;
import dev.vigil.vrrp.time.EventLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptTrackerEventLoopTest {
    @Test
    void realScriptResultsArriveOnTheLoopThread(@TempDir Path dir) throws Exception {
        Path flag = dir.resolve("healthy");
        Files.writeString(flag, "");
        try (EventLoop loop = new EventLoop("track-loop");
             ProcessScriptRunner runner = new ProcessScriptRunner(2)) {
            ScriptTracker t = new ScriptTracker("chk", List.of("test", "-e", flag.toString()), Duration.ofMillis(50),
                    Duration.ofSeconds(5), 1, 1, true, null, runner, loop);
            CompletableFuture<String> upOn = new CompletableFuture<>();
            CompletableFuture<String> downOn = new CompletableFuture<>();
            t.subscribe(s -> (s.up() ? upOn : downOn).complete(Thread.currentThread().getName()));
            t.start();
            assertThat(upOn.get(30, TimeUnit.SECONDS)).isEqualTo("track-loop");
            Files.delete(flag);
            assertThat(downOn.get(30, TimeUnit.SECONDS)).isEqualTo("track-loop");
            t.close();
        }
    }
}
