package dev.vigil.vrrp.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.vrrp.script.ProcessScriptRunner;
import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.script.ScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptNotifierTest {
    private static final NotifyCommands ALL = new NotifyCommands("/etc/m.sh", "/etc/b.sh", "\"/etc/fault.sh\" VG_1",
            "/etc/stop.sh 'a b'", "/etc/any.sh --x", "/etc/lower.sh");

    /** Records what would run; runs end as {@code result}. */
    private static final class Recorder implements ScriptRunner {
        final List<List<String>> argvs = new ArrayList<>();
        final List<String> users = new ArrayList<>();
        ScriptResult result = ScriptResult.exited(0);

        @Override
        public CompletableFuture<ScriptResult> run(List<String> argv, Duration timeout, String user) {
            argvs.add(argv);
            users.add(user);
            return CompletableFuture.completedFuture(result);
        }
    }

    @Test
    void runsTheStatesScriptAsWrittenThenNotifyWithFourArguments() {
        Recorder r = new Recorder();
        ScriptNotifier n = new ScriptNotifier(r, Duration.ofSeconds(5), "vrrp-scripts");
        n.notify(new StateChange(false, "VI_1", StateChange.MASTER, 100), ALL);
        n.notify(new StateChange(true, "VG_1", StateChange.FAULT, 0), ALL);
        n.notify(new StateChange(false, "VI_1", StateChange.STOP, 90), ALL);
        n.notify(new StateChange(false, "VI_1", StateChange.BACKUP, 90), ALL);
        assertThat(r.argvs).containsExactly(
                List.of("/etc/m.sh"),
                List.of("/etc/any.sh", "--x", "INSTANCE", "VI_1", "MASTER", "100"),
                List.of("/etc/fault.sh", "VG_1"),
                List.of("/etc/any.sh", "--x", "GROUP", "VG_1", "FAULT", "0"),
                List.of("/etc/stop.sh", "a b"),
                List.of("/etc/any.sh", "--x", "INSTANCE", "VI_1", "STOP", "90"),
                List.of("/etc/b.sh"),
                List.of("/etc/any.sh", "--x", "INSTANCE", "VI_1", "BACKUP", "90"));
        assertThat(r.users).containsOnly("vrrp-scripts");
        assertThat(n.failures()).isZero();
    }

    @Test
    void theUserIsReadAtEachRunSoAReloadedScriptUserApplies() {
        Recorder r = new Recorder();
        String[] user = {"nobody"};
        ScriptNotifier n = ScriptNotifier.withUser(r, Duration.ofSeconds(5), () -> user[0]);
        n.notify(new StateChange(false, "VI_1", StateChange.MASTER, 100), ALL);
        user[0] = "vrrp-scripts users";
        n.notify(new StateChange(false, "VI_1", StateChange.BACKUP, 100), ALL);
        assertThat(r.users).containsExactly("nobody", "nobody", "vrrp-scripts users", "vrrp-scripts users");
    }

    @Test
    void masterRxLowerPriRunsOnlyItsOwnScriptAndMissingScriptsAreSkipped() {
        Recorder r = new Recorder();
        ScriptNotifier n = new ScriptNotifier(r, Duration.ofSeconds(5), null);
        n.notify(new StateChange(false, "VI_1", StateChange.MASTER_RX_LOWER_PRI, 100), ALL);
        n.notify(new StateChange(false, "VI_1", StateChange.MASTER, 100), NotifyCommands.NONE);
        n.notify(new StateChange(false, "VI_1", StateChange.DELETED, 100),
                new NotifyCommands(null, null, null, null, "/etc/any.sh", null));
        assertThat(r.argvs).containsExactly(List.of("/etc/lower.sh"),
                List.of("/etc/any.sh", "INSTANCE", "VI_1", "DELETED", "100"));
    }

    @Test
    void countsFailedScripts() {
        Recorder r = new Recorder();
        r.result = ScriptResult.timedOut("timed out after 5000 ms");
        ScriptNotifier n = new ScriptNotifier(r, Duration.ofSeconds(5), null);
        n.notify(new StateChange(false, "VI_1", StateChange.MASTER, 100), ALL);
        assertThat(n.failures()).isEqualTo(2);
    }

    @Test
    void aRealNotifyScriptGetsItsArguments(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String any = "sh -c 'echo \"$*\" > \"$0\"' " + out;
        try (ProcessScriptRunner runner = new ProcessScriptRunner(2)) {
            new ScriptNotifier(runner, Duration.ofSeconds(10), null)
                    .notify(new StateChange(false, "VI_1", "MASTER", 150), new NotifyCommands(null, null, null, null, any, null));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!(Files.exists(out) && Files.readString(out).endsWith("\n")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(Files.readString(out)).isEqualTo("INSTANCE VI_1 MASTER 150\n");
    }

    @Test
    void rejectsBadCommandLinesAndStates() {
        assertThatThrownBy(() -> new NotifyCommands("/etc/x.sh 'open", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotifyCommands(" ", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateChange(false, "VI_1", "master", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
