package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.vrrp.notify.StateChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyFifosTest {
    @TempDir
    Path dir;

    private static GlobalDefs globals(String yaml) {
        return ConfigLoader.builtin().loadYaml("test.yaml", yaml).orThrow().globalDefs();
    }

    private static List<String> awaitLines(Path file, int n) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= n) {
                return Files.readAllLines(file);
            }
            Thread.sleep(10);
        }
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void everyConfiguredFifoGetsKeepalivedsLineAndAReloadReopensOnlyChangedPaths() throws Exception {
        Path all = dir.resolve("all.fifo");
        Path vrrp = dir.resolve("vrrp.fifo");
        Path other = dir.resolve("other.fifo");
        try (NotifyFifos fifos = new NotifyFifos()) {
            fifos.configure(globals("global_defs:\n  notify_fifo: " + all + "\n  vrrp_notify_fifo: " + vrrp + "\n"));
            fifos.notify(new StateChange(false, "VI_1", StateChange.MASTER, 150));
            assertThat(awaitLines(all, 1)).containsExactly("INSTANCE \"VI_1\" MASTER 150");
            assertThat(awaitLines(vrrp, 1)).containsExactly("INSTANCE \"VI_1\" MASTER 150");

            fifos.configure(globals("global_defs:\n  notify_fifo: " + all + "\n  vrrp_notify_fifo: " + other + "\n"));
            fifos.notify(new StateChange(true, "G1", StateChange.BACKUP, 100));
            assertThat(awaitLines(all, 2)).containsExactly("INSTANCE \"VI_1\" MASTER 150", "GROUP \"G1\" BACKUP 100");
            assertThat(awaitLines(other, 1)).containsExactly("GROUP \"G1\" BACKUP 100");
            assertThat(Files.readAllLines(vrrp)).hasSize(1);
        }
    }

    @Test
    void checkerLinesGoToNotifyFifoAndLvsNotifyFifoButNotVrrpNotifyFifo() throws Exception {
        Path all = dir.resolve("all.fifo");
        Path vrrp = dir.resolve("vrrp.fifo");
        Path lvs = dir.resolve("lvs.fifo");
        try (NotifyFifos fifos = new NotifyFifos()) {
            fifos.configure(globals("global_defs:\n  notify_fifo: " + all + "\n  vrrp_notify_fifo: " + vrrp
                    + "\n  lvs_notify_fifo: " + lvs + "\n"));
            fifos.notify(new StateChange(false, "VI_1", StateChange.MASTER, 150));
            fifos.realServer("[10.0.0.1]:tcp:80", "[192.168.1.2]:tcp:80", false, "refused");
            fifos.quorum("[10.0.0.1]:tcp:80", false, 0);
            assertThat(awaitLines(all, 3)).containsExactly("INSTANCE \"VI_1\" MASTER 150",
                    "RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN", "VS [10.0.0.1]:tcp:80 DOWN");
            assertThat(awaitLines(lvs, 2)).containsExactly("RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN",
                    "VS [10.0.0.1]:tcp:80 DOWN");
            assertThat(awaitLines(vrrp, 1)).containsExactly("INSTANCE \"VI_1\" MASTER 150");
        }
    }
}
