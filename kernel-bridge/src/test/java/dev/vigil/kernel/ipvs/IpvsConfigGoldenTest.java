package dev.vigil.kernel.ipvs;

import org.junit.jupiter.api.Test;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Sync daemon, timeout and info requests and replies against ipvsadm's captures. */
class IpvsConfigGoldenTest {
    @Test
    void startMasterDaemon() {
        sends("daemon-start-master", t -> t.startDaemon(SyncDaemon.of(SyncState.MASTER, "dummy0", 5)));
    }

    @Test
    void startDaemonWithDefaults() {
        sends("daemon-start-default", t -> t.startDaemon(SyncDaemon.of(SyncState.BACKUP, "dummy0", 0)));
    }

    @Test
    void startBackupDaemonWithEveryOption() {
        sends("daemon-start-backup", t -> t.startDaemon(
                new SyncDaemon(SyncState.BACKUP, "dummy0", 6, 1400, ip("239.1.2.3"), 9000, 3)));
    }

    @Test
    void startDaemonWithIpv6Group() {
        sends("daemon-start-master6", t -> t.startDaemon(
                new SyncDaemon(SyncState.MASTER, "dummy0", 7, 0, ip("ff02::1:81"), 8848, 0)));
    }

    @Test
    void stopDaemons() {
        sends("daemon-stop-master", t -> t.stopDaemon(SyncState.MASTER));
        sends("daemon-stop-backup", t -> t.stopDaemon(SyncState.BACKUP));
    }

    @Test
    void listDaemons() {
        var daemons = IpvsGolden.load("daemon-list").run(IpvsTable::listDaemons);
        assertThat(daemons).containsExactly(
                new SyncDaemon(SyncState.MASTER, "dummy0", 5, 1472, ip("224.0.0.81"), 8848, 1),
                new SyncDaemon(SyncState.BACKUP, "dummy0", 6, 1400, ip("239.1.2.3"), 9000, 3));
        assertThat(IpvsGolden.load("daemon-list6").run(IpvsTable::listDaemons)).containsExactly(
                new SyncDaemon(SyncState.MASTER, "dummy0", 7, 1452, ip("ff02::1:81"), 8848, 1));
        assertThat(IpvsGolden.load("daemon-list-none").run(IpvsTable::listDaemons)).isEmpty();
    }

    @Test
    void setTimeouts() {
        sends("set-timeouts", t -> t.setTimeouts(new Timeouts(900, 120, 300)));
        sends("set-timeouts-partial", t -> t.setTimeouts(new Timeouts(0, 0, 200)));
    }

    @Test
    void getTimeouts() {
        IpvsGolden g = IpvsGolden.load("get-timeouts");
        assertThat(g.run(IpvsTable::getTimeouts)).isEqualTo(new Timeouts(900, 120, 300));
        assertThat(g.output()).containsExactly("Timeout (tcp tcpfin udp): 900 120 300");
    }

    @Test
    void info() {
        IpvsInfo info = IpvsGolden.load("info").run(IpvsTable::info);
        assertThat(info).isEqualTo(new IpvsInfo(0x010201, 4096));
        assertThat(info.versionString()).isEqualTo("1.2.1");
    }
}
