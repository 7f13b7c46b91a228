package dev.vigil.notifiers.script;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.notifiers.Events;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.notify.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptNotifierTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path s = dir.resolve("notify.sh");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    private Notifier notifier(Map<String, ?> settings) {
        return new ScriptNotifierFactory().create(Section.of("script", settings), Events.context(dir));
    }

    @Test
    void runsOncePerEventInOrderWithKeepalivedsArguments() throws Exception {
        Path out = dir.resolve("out");
        Path s = script("echo \"$*\" >> " + out);
        Notifier n = notifier(Map.of("command", s + " 'first arg'"));
        n.deliver(Events.instance(1, "VI_1", "INIT", "BACKUP", 100));
        n.deliver(Events.instance(2, "VI_1", "BACKUP", "MASTER", 100));
        n.deliver(Events.group(3, "G1", "MASTER"));
        n.deliver(Events.realServer(4, false, "refused"));
        n.deliver(Events.virtualServer(5, false));
        assertThat(Files.readAllLines(out)).containsExactly(
                "first arg INSTANCE VI_1 BACKUP 100",
                "first arg INSTANCE VI_1 MASTER 100",
                "first arg GROUP G1 MASTER 0",
                "first arg RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN",
                "first arg VS [10.0.0.1]:tcp:80 DOWN");
    }

    @Test
    void eventsFilterLeavesOutCheckerEvents() throws Exception {
        Path out = dir.resolve("out");
        Notifier n = notifier(Map.of("command", script("echo \"$*\" >> " + out).toString(), "events", "vrrp"));
        n.deliver(Events.realServer(1, true, ""));
        n.deliver(Events.instance(2, "VI_1", "BACKUP", "MASTER", 100));
        assertThat(Files.readAllLines(out)).containsExactly("INSTANCE VI_1 MASTER 100");
    }

    @Test
    void aFailingScriptFailsTheDelivery() throws Exception {
        Notifier n = notifier(Map.of("command", script("exit 3").toString()));
        assertThatThrownBy(() -> n.deliver(Events.instance(1, "VI_1", "BACKUP", "MASTER", 100)))
                .isInstanceOf(IOException.class).hasMessageContaining("exited with status 3");
    }

    @Test
    void aHungScriptIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path pid = dir.resolve("pid");
        Notifier n = notifier(Map.of("command", script("sleep 30 & echo $! > " + pid + "; wait").toString(),
                "timeout", "0.5"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> n.deliver(Events.instance(1, "VI_1", "BACKUP", "MASTER", 100)))
                .isInstanceOf(IOException.class).hasMessageContaining("killed after 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pid).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aUserRunsThroughRunuserOnlyAsRoot() {
        ScriptSettings s = new ScriptSettings(List.of("/bin/n.sh"), Duration.ofSeconds(1), "nobody nogroup", EventKinds.ALL);
        assertThat(new ScriptNotifier(s, true).command(List.of("/bin/n.sh", "INSTANCE")))
                .containsExactly("runuser", "-u", "nobody", "-g", "nogroup", "--", "/bin/n.sh", "INSTANCE");
        assertThat(new ScriptNotifier(s, false).command(List.of("/bin/n.sh"))).containsExactly("/bin/n.sh");
    }
}
