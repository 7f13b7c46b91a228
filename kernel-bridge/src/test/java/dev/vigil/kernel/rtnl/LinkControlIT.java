package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A VRRP macvlan created, brought up and deleted through rtnetlink, checked with {@code ip -j -d link}. */
class LinkControlIT {

    @Test
    void macvlanLifecycle() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlmacvlan")) {
            int veth0 = n.index("veth0");
            Macvlan m = new Macvlan("vrrp.51", veth0, MacAddress.vrrpIpv4(51), MacvlanMode.PRIVATE);
            int index = n.netns.call(() -> {
                try (NetlinkLinkControl c = NetlinkLinkControl.open()) {
                    int i = c.addMacvlan(m);
                    c.setUp(i, true);
                    assertThatThrownBy(() -> c.addMacvlan(m)).isInstanceOf(NetlinkException.class)
                            .hasMessageContaining("EEXIST");
                    assertThat(c.indexOf("vrrp.51")).isEqualTo(i);
                    return i;
                }
            });
            Map<String, Object> link = n.json("-d", "link", "show", "dev", "vrrp.51").get(0);
            assertThat(((Number) link.get("ifindex")).intValue()).isEqualTo(index);
            assertThat(link.get("address")).isEqualTo("00:00:5e:00:01:33");
            assertThat(link.get("link")).isEqualTo("veth0");
            assertThat(link.get("flags")).asList().contains("UP");
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) link.get("linkinfo");
            assertThat(info.get("info_kind")).isEqualTo("macvlan");
            assertThat(((Map<?, ?>) info.get("info_data")).get("mode")).isEqualTo("private");

            n.netns.call(() -> {
                try (NetlinkLinkControl c = NetlinkLinkControl.open()) {
                    c.setUp(index, false);
                    assertThat(n.json("link", "show", "dev", "vrrp.51").get(0).get("flags")).asList().doesNotContain("UP");
                    assertThat(c.ensureAbsent("vrrp.51")).isTrue();
                    assertThat(c.ensureAbsent("vrrp.51")).isFalse();
                    assertThat(c.indexOf("vrrp.51")).isZero();
                }
                return null;
            });
            assertThat(n.ip("-j", "link", "show")).doesNotContain("vrrp.51");
        }
    }
}
