package dev.vigil.vrrp.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FifoNotifierTest {
    @TempDir
    Path dir;

    private Path mkfifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        return p;
    }

    @Test
    void formatsLikeKeepalived() {
        assertThat(FifoNotifier.line(new StateChange(false, "VI_1", "MASTER", 100))).isEqualTo("INSTANCE \"VI_1\" MASTER 100");
        assertThat(FifoNotifier.line(new StateChange(true, "VG_1", "BACKUP", 0))).isEqualTo("GROUP \"VG_1\" BACKUP 0");
    }

    @Test
    void writesLinesToARealFifoWrittenBeforeTheReaderCame() throws Exception {
        Path fifo = mkfifo("notify.fifo");
        try (FifoNotifier n = new FifoNotifier(fifo)) {
            n.notify(new StateChange(false, "VI_1", "MASTER", 100));
            n.notify(new StateChange(true, "VG_1", "FAULT", 0));
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        new FileInputStream(fifo.toFile()), StandardCharsets.UTF_8))) {
                    return List.of(r.readLine(), r.readLine());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(read.get(30, TimeUnit.SECONDS)).containsExactly("INSTANCE \"VI_1\" MASTER 100", "GROUP \"VG_1\" FAULT 0");
            assertThat(n.dropped()).isZero();
        }
    }

    @Test
    void appendsToARegularFile() throws Exception {
        Path file = dir.resolve("notify.log");
        Files.writeString(file, "earlier\n");
        try (FifoNotifier n = new FifoNotifier(file)) {
            n.notify(new StateChange(false, "VI_1", "BACKUP", 90));
            n.notify(new StateChange(false, "VI_1", "STOP", 90));
        }
        assertThat(Files.readAllLines(file)).containsExactly("earlier", "INSTANCE \"VI_1\" BACKUP 90",
                "INSTANCE \"VI_1\" STOP 90");
    }

    @Test
    void neverBlocksWhenNobodyReadsAndCountsDrops() throws Exception {
        Path fifo = mkfifo("unread.fifo");
        FifoNotifier n = new FifoNotifier(fifo, 16);
        long start = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            n.notify(new StateChange(false, "VI_" + i, "MASTER", 100));
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long closeStart = System.nanoTime();
        n.close();
        long closeMs = (System.nanoTime() - closeStart) / 1_000_000;
        assertThat(n.dropped()).isGreaterThan(0);
        assertThat(elapsedMs).isLessThan(10_000);
        assertThat(closeMs).isLessThan(10_000);
        n.notify(new StateChange(false, "VI_X", "MASTER", 100));
        assertThat(n.dropped()).isGreaterThan(0);
    }
}
