package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.netlink.NlRequest;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Macvlan creation, up/down and link deletion compared byte for byte with iproute2's {@code ip link}. */
class MacvlanCodecTest {
    private static final int VETH0 = 3;
    private static final int VRRP51 = 4;

    private static void assertSameAsIproute2(String capture, NlRequest ours) {
        Golden g = Golden.load(capture);
        assertThat(HexFormat.of().formatHex(g.ours(ours, Golden.ACKED))).as("%s: %s", capture, g.command())
                .isEqualTo(HexFormat.of().formatHex(g.lastSentMessage(ours.type())));
    }

    @Test
    void addPrivateMacvlanWithTheVrrpMac() {
        Macvlan m = new Macvlan("vrrp.51", VETH0, MacAddress.vrrpIpv4(51), MacvlanMode.PRIVATE);
        assertSameAsIproute2("link-add-macvlan", LinkCodec.addMacvlan(m));
    }

    @Test
    void setUpAndDownChangeOnlyIffUp() {
        assertSameAsIproute2("link-set-up", LinkCodec.setUp(VRRP51, true));
        assertSameAsIproute2("link-set-down", LinkCodec.setUp(VRRP51, false));
    }

    @Test
    void deleteByIndex() {
        assertSameAsIproute2("link-del", LinkCodec.delete(VRRP51));
    }

    @Test
    void decodesTheMacvlanTheKernelReports() {
        Link l = LinkCodec.decode(Golden.load("link-set-down").receivedMessages(Rtnl.RTM_NEWLINK).get(0));
        assertThat(l.index()).isEqualTo(VRRP51);
        assertThat(l.name()).isEqualTo("vrrp.51");
        assertThat(l.kind()).isEqualTo("macvlan");
        assertThat(l.mac()).isEqualTo("00:00:5e:00:01:33");
    }

    @Test
    void rejectsBadNamesAndIndexes() {
        MacAddress mac = MacAddress.vrrpIpv4(1);
        assertThatThrownBy(() -> new Macvlan("a-name-too-long-x", VETH0, mac, MacvlanMode.PRIVATE))
                .hasMessageContaining("not an interface name");
        assertThatThrownBy(() -> new Macvlan("vrrp.1", 0, mac, MacvlanMode.PRIVATE))
                .hasMessageContaining("must be positive");
    }
}
