package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory link control answers like the kernel. */
class FakeLinkControlTest {

    @Test
    void createsBringsUpAndDeletesMacvlans() {
        FakeLinkControl links = new FakeLinkControl().addExisting("lo", 1).addExisting("eth0", 2);
        Macvlan m = new Macvlan("vrrp.7", 2, MacAddress.vrrpIpv4(7), MacvlanMode.PRIVATE);
        int index = links.addMacvlan(m);
        assertThat(index).isEqualTo(3);
        assertThat(links.indexOf("vrrp.7")).isEqualTo(3);
        assertThat(links.link("vrrp.7")).hasValueSatisfying(l -> {
            assertThat(l.macvlan()).isEqualTo(m);
            assertThat(l.up()).isFalse();
        });
        links.setUp(index, true);
        assertThat(links.link("vrrp.7").orElseThrow().up()).isTrue();
        assertThatThrownBy(() -> links.addMacvlan(m)).isInstanceOf(NetlinkException.class).hasMessageContaining("EEXIST");
        assertThat(links.ensureAbsent("vrrp.7")).isTrue();
        assertThat(links.ensureAbsent("vrrp.7")).isFalse();
        assertThat(links.indexOf("vrrp.7")).isZero();
        assertThatThrownBy(() -> links.setUp(index, true)).hasMessageContaining("ENODEV");
    }

    @Test
    void aMissingBaseIsEnodev() {
        FakeLinkControl links = new FakeLinkControl().addExisting("eth0", 2);
        assertThatThrownBy(() -> links.addMacvlan(new Macvlan("vrrp.7", 9, MacAddress.vrrpIpv4(7), MacvlanMode.PRIVATE)))
                .hasMessageContaining("ENODEV");
    }
}
