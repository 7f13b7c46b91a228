package dev.vigil.notifiers.fifo;

import dev.vigil.notifiers.Events;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.notify.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FifoWriterTest {
    @TempDir
    Path dir;

    private Notifier notifier(Path path, Map<String, Object> more) {
        Map<String, Object> s = new java.util.HashMap<>(more);
        s.put("path", path.toString());
        return new FifoNotifierFactory().create(Section.of("fifo", s), Events.context(dir));
    }

    @Test
    void writesKeepalivedLinesToAFileInOrder() throws Exception {
        Path file = dir.resolve("notify.log");
        try (Notifier n = notifier(file, Map.of())) {
            n.deliver(Events.instance(1, "VI_1", "INIT", "BACKUP", 100));
            n.deliver(Events.instance(2, "VI_1", "BACKUP", "MASTER", 100));
            n.deliver(Events.realServer(3, true, ""));
            n.deliver(Events.virtualServer(4, true));
        }
        assertThat(Files.readAllLines(file)).containsExactly("INSTANCE \"VI_1\" BACKUP 100",
                "INSTANCE \"VI_1\" MASTER 100", "RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 UP", "VS [10.0.0.1]:tcp:80 UP");
    }

    @Test
    void writesToAFifoWithoutWaitingForAReader() throws Exception {
        Path fifo = dir.resolve("notify.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        try (Notifier n = notifier(fifo, Map.of("events", "checker"))) {
            n.deliver(Events.instance(1, "VI_1", "BACKUP", "MASTER", 100));
            n.deliver(Events.realServer(2, false, "timeout"));
            try (BufferedReader r = new BufferedReader(new FileReader(fifo.toFile()))) {
                assertThat(r.readLine()).isEqualTo("RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN");
                n.deliver(Events.virtualServer(3, false));
                assertThat(r.readLine()).isEqualTo("VS [10.0.0.1]:tcp:80 DOWN");
            }
        }
    }
}
