package dev.vigil.kernel.arp;

import dev.vigil.kernel.libc.KernelException;
import org.junit.jupiter.api.Test;

import static dev.vigil.kernel.arp.ArpFramesTest.v4;
import static dev.vigil.kernel.arp.ArpFramesTest.v6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingArpSenderTest {
    private static final MacAddress ETH0 = MacAddress.parse("02:00:00:00:0a:01");

    @Test
    void recordsAnnouncementsWithTheInterfaceMacByDefault() throws Exception {
        RecordingArpSender s = new RecordingArpSender().withInterface("eth0", ETH0);
        s.sendGratuitousArp("eth0", v4("10.0.0.100"));
        s.sendGratuitousArp("eth0", v4("10.0.0.101"), MacAddress.vrrpIpv4(7));
        s.sendUnsolicitedNa("eth0", v6("fd00::100"));
        s.sendUnsolicitedNa("eth0", v6("fd00::101"), MacAddress.vrrpIpv6(7), true);
        assertThat(s.sent()).containsExactly(
                new RecordingArpSender.GratuitousArp("eth0", v4("10.0.0.100"), ETH0),
                new RecordingArpSender.GratuitousArp("eth0", v4("10.0.0.101"), MacAddress.vrrpIpv4(7)),
                new RecordingArpSender.NeighborAdvertisement("eth0", v6("fd00::100"), ETH0, false),
                new RecordingArpSender.NeighborAdvertisement("eth0", v6("fd00::101"), MacAddress.vrrpIpv6(7), true));
        s.clear();
        assertThat(s.sent()).isEmpty();
    }

    @Test
    void unknownInterfaceAndClosedSenderFail() throws Exception {
        RecordingArpSender s = new RecordingArpSender().withInterface("eth0", ETH0);
        assertThatThrownBy(() -> s.sendGratuitousArp("eth9", v4("10.0.0.1")))
                .isInstanceOf(KernelException.class).hasMessageContaining("ENODEV");
        s.close();
        assertThatThrownBy(() -> s.sendGratuitousArp("eth0", v4("10.0.0.1")))
                .isInstanceOf(KernelException.class).hasMessageContaining("EBADF");
        assertThat(s.isClosed()).isTrue();
    }
}
