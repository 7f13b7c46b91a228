package dev.vigil.daemon.vip;

import static dev.vigil.daemon.vip.Addresses.vip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecCommandTest {
    @Test
    void expandsPlaceholdersPerWordWithoutAShell() {
        ExecCommand c = ExecCommand.parse("/usr/local/bin/vip add '%cidr on %dev' %instance %family %%addr x%prefix");
        assertThat(c.argv(vip("VI_1", "10.0.0.10", 24, "eth0")))
                .containsExactly("/usr/local/bin/vip", "add", "10.0.0.10/24 on eth0", "VI_1", "4", "%addr", "x24");
    }

    @Test
    void ipv6AddressesAreCompressed() {
        ExecCommand c = ExecCommand.parse("cmd %addr %family %label");
        assertThat(c.argv(vip("VI_6", "2001:db8:0:0:0:0:0:10", 64, "eth1"))).containsExactly("cmd", "2001:db8::10", "6", "");
    }

    @Test
    void aPlaceholderEndsWhereItsNameEnds() {
        assertThat(ExecCommand.parse("cmd %addr-%dev.conf").argv(vip("VI_1", "10.0.0.10", 24, "eth0")))
                .containsExactly("cmd", "10.0.0.10-eth0.conf");
    }

    @Test
    void refusesUnknownPlaceholdersUnclosedQuotesAndEmptyCommands() {
        assertThatThrownBy(() -> ExecCommand.parse("cmd %bogus")).hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> ExecCommand.parse("cmd 'open")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ExecCommand.parse("   ")).hasMessageContaining("empty");
    }
}
