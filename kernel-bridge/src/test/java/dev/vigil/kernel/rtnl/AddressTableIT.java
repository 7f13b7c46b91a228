package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adds and removes VIPs through rtnetlink in a namespace and checks them with {@code ip -j addr}. */
class AddressTableIT {

    private static Map<String, Object> find(List<Map<String, Object>> info, String local) {
        return info.stream().filter(a -> local.equals(a.get("local"))).findFirst().orElse(null);
    }

    @Test
    void ipv4VipWithLabelAndBroadcast() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnladdr4")) {
            int veth0 = n.index("veth0");
            IfAddress vip = IfAddress.of(veth0, "10.1.1.1/24").withLabel("veth0:vip").withDefaultBroadcast();
            n.netns.call(() -> {
                try (NetlinkAddressTable t = NetlinkAddressTable.open()) {
                    assertThat(t.ensurePresent(vip)).isTrue();
                    assertThat(t.ensurePresent(vip)).isFalse();
                    assertThatThrownBy(() -> t.add(vip)).isInstanceOf(NetlinkException.class)
                            .hasMessageStartingWith("RTM_NEWADDR 10.1.1.1/24 dev veth0 failed: EEXIST");
                    assertThat(t.list(veth0)).filteredOn(a -> a.sameAs(vip)).singleElement()
                            .satisfies(a -> {
                                assertThat(a.label()).isEqualTo("veth0:vip");
                                assertThat(a.broadcast()).isEqualTo(vip.broadcast());
                                assertThat(a.has(AddressFlag.PERMANENT)).isTrue();
                            });
                }
                return null;
            });
            Map<String, Object> seen = find(n.addrInfo("veth0"), "10.1.1.1");
            assertThat(seen).containsEntry("prefixlen", 24L).containsEntry("broadcast", "10.1.1.255")
                    .containsEntry("label", "veth0:vip").containsEntry("scope", "global");

            n.netns.call(() -> {
                try (NetlinkAddressTable t = NetlinkAddressTable.open()) {
                    assertThat(t.ensureAbsent(vip)).isTrue();
                    assertThat(t.ensureAbsent(vip)).isFalse();
                    assertThatThrownBy(() -> t.delete(vip)).isInstanceOf(NetlinkException.class)
                            .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EADDRNOTAVAIL));
                    assertThatThrownBy(() -> t.add(IfAddress.of(999, "10.1.1.2/24")))
                            .hasMessageStartingWith("RTM_NEWADDR 10.1.1.2/24 dev #999 failed: ENODEV");
                }
                return null;
            });
            assertThat(find(n.addrInfo("veth0"), "10.1.1.1")).isNull();
        }
    }

    @Test
    void ipv6VipWithNodadAndNoprefixroute() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnladdr6")) {
            int veth0 = n.index("veth0");
            IfAddress nodad = IfAddress.of(veth0, "2001:db8::1/64").withFlags(AddressFlag.NODAD);
            IfAddress noprefix = IfAddress.of(veth0, "2001:db8:1::1/64").withFlags(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE);
            n.netns.call(() -> {
                try (NetlinkAddressTable t = NetlinkAddressTable.open()) {
                    t.add(nodad);
                    assertThat(t.ensurePresent(noprefix)).isTrue();
                    assertThat(t.list(veth0)).filteredOn(a -> a.sameAs(noprefix)).singleElement()
                            .satisfies(a -> assertThat(a.flags()).contains(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE)
                                    .doesNotContain(AddressFlag.TENTATIVE));
                }
                return null;
            });
            List<Map<String, Object>> info = n.addrInfo("veth0");
            assertThat(find(info, "2001:db8::1")).containsEntry("prefixlen", 64L).containsEntry("nodad", true)
                    .doesNotContainKey("tentative");
            assertThat(find(info, "2001:db8:1::1")).containsEntry("noprefixroute", true);

            n.netns.call(() -> {
                try (NetlinkAddressTable t = NetlinkAddressTable.open()) {
                    t.delete(nodad);
                    assertThat(t.ensureAbsent(noprefix)).isTrue();
                }
                return null;
            });
            assertThat(find(n.addrInfo("veth0"), "2001:db8::1")).isNull();
            assertThat(find(n.addrInfo("veth0"), "2001:db8:1::1")).isNull();
        }
    }
}
