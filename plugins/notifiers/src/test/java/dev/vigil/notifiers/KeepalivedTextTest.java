package dev.vigil.notifiers;

import org.junit.jupiter.api.Test;

import static dev.vigil.notifiers.Events.group;
import static dev.vigil.notifiers.Events.instance;
import static dev.vigil.notifiers.Events.realServer;
import static dev.vigil.notifiers.Events.virtualServer;
import static org.assertj.core.api.Assertions.assertThat;

class KeepalivedTextTest {
    @Test
    void fifoLinesAreKeepalivedsFormats() {
        assertThat(KeepalivedText.fifoLine(instance(1, "VI_1", "BACKUP", "MASTER", 150)))
                .isEqualTo("INSTANCE \"VI_1\" MASTER 150");
        assertThat(KeepalivedText.fifoLine(group(2, "G1", "FAULT"))).isEqualTo("GROUP \"G1\" FAULT 0");
        assertThat(KeepalivedText.fifoLine(realServer(3, false, "connection refused")))
                .isEqualTo("RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN");
        assertThat(KeepalivedText.fifoLine(virtualServer(4, true))).isEqualTo("VS [10.0.0.1]:tcp:80 UP");
    }

    @Test
    void scriptArgumentsAreKeepalivedsNotifyArguments() {
        assertThat(KeepalivedText.scriptArguments(instance(1, "VI_1", "MASTER", "BACKUP", 100)))
                .containsExactly("INSTANCE", "VI_1", "BACKUP", "100");
        assertThat(KeepalivedText.scriptArguments(group(1, "G1", "MASTER"))).containsExactly("GROUP", "G1", "MASTER", "0");
        assertThat(KeepalivedText.scriptArguments(realServer(1, true, "")))
                .containsExactly("RS", "[192.168.1.2]:tcp:80", "[10.0.0.1]:tcp:80", "UP");
        assertThat(KeepalivedText.scriptArguments(virtualServer(1, false))).containsExactly("VS", "[10.0.0.1]:tcp:80", "DOWN");
    }
}
