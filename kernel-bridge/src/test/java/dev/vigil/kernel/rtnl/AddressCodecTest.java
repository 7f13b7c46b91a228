package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.NlMessage;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests compared byte for byte with iproute2's; kernel replies decoded (captures in golden/). */
class AddressCodecTest {
    private static final int VETH0 = 3;

    private static void assertSameAsIproute2(String capture, dev.vigil.kernel.netlink.NlRequest ours) {
        Golden g = Golden.load(capture);
        assertThat(HexFormat.of().formatHex(g.ours(ours, Golden.ACKED)))
                .as("%s: %s", capture, g.command())
                .isEqualTo(HexFormat.of().formatHex(g.sentMessage(ours.type())));
    }

    @Test
    void addV4WithBroadcastAndLabel() {
        IfAddress a = IfAddress.of(VETH0, "10.1.1.1/24").withDefaultBroadcast().withLabel("veth0:vip");
        assertThat(a.broadcast().getHostAddress()).isEqualTo("10.1.1.255");
        assertSameAsIproute2("addr-add-v4", AddressCodec.add(a));
    }

    @Test
    void addV4HostScope() {
        assertSameAsIproute2("addr-add-v4-host", AddressCodec.add(IfAddress.of(VETH0, "10.1.1.9/32").withScope(Scope.HOST)));
    }

    @Test
    void addV4WithEveryOptionPutsWideFlagsInIfaFlags() {
        IfAddress a = IfAddress.of(VETH0, "10.8.8.8/24").withDefaultBroadcast().withLabel("veth0:x")
                .withFlags(AddressFlag.NOPREFIXROUTE).withScope(Scope.LINK);
        assertSameAsIproute2("addr-add-v4-all", AddressCodec.add(a));
    }

    @Test
    void addV6Nodad() {
        assertSameAsIproute2("addr-add-v6", AddressCodec.add(IfAddress.of(VETH0, "2001:db8::1/64").withFlags(AddressFlag.NODAD)));
    }

    @Test
    void addV6NodadNoprefixroute() {
        IfAddress a = IfAddress.of(VETH0, "2001:db8:1::1/64").withFlags(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE);
        assertSameAsIproute2("addr-add-v6-noprefixroute", AddressCodec.add(a));
    }

    @Test
    void deleteV4AndV6IgnoreScopeLabelAndFlags() {
        assertSameAsIproute2("addr-del-v4", AddressCodec.delete(IfAddress.of(VETH0, "10.1.1.9/32").withScope(Scope.HOST)));
        assertSameAsIproute2("addr-del-v6", AddressCodec.delete(
                IfAddress.of(VETH0, "2001:db8:1::1/64").withFlags(AddressFlag.NODAD, AddressFlag.PERMANENT)));
    }

    @Test
    void dumpRequest() {
        Golden g = Golden.load("addr-dump");
        assertThat(g.ours(AddressCodec.dump(), Golden.DUMP)).isEqualTo(g.sentMessage(Rtnl.RTM_GETADDR));
    }

    @Test
    void decodesTheKernelsDump() {
        List<IfAddress> all = Golden.load("addr-dump").receivedMessages(Rtnl.RTM_NEWADDR).stream()
                .map(AddressCodec::decode).toList();
        assertThat(all).hasSize(9).extracting(IfAddress::cidr).contains("127.0.0.1/8", "10.1.1.9/32", "10.1.1.1/24",
                "10.8.8.8/24", "0:0:0:0:0:0:0:1/128", "2001:db8:1:0:0:0:0:1/64", "2001:db8:0:0:0:0:0:1/64");
        IfAddress vip = find(all, "10.1.1.1/24");
        assertThat(vip.ifindex()).isEqualTo(VETH0);
        assertThat(vip.label()).isEqualTo("veth0:vip");
        assertThat(vip.broadcast().getHostAddress()).isEqualTo("10.1.1.255");
        assertThat(vip.scope()).isEqualTo(Scope.UNIVERSE);
        assertThat(vip.flags()).containsExactly(AddressFlag.PERMANENT);
        assertThat(find(all, "10.1.1.9/32").scope()).isEqualTo(Scope.HOST);
        assertThat(find(all, "10.8.8.8/24").flags()).contains(AddressFlag.NOPREFIXROUTE);
        assertThat(find(all, "10.8.8.8/24").scope()).isEqualTo(Scope.LINK);
        IfAddress v6 = find(all, "2001:db8:1:0:0:0:0:1/64");
        assertThat(v6.flags()).containsExactlyInAnyOrder(AddressFlag.NODAD, AddressFlag.PERMANENT,
                AddressFlag.NOPREFIXROUTE);
        assertThat(v6.label()).isNull();
        assertThat(find(all, "127.0.0.1/8").label()).isEqualTo("lo");
        assertThat(all.stream().filter(a -> a.address().isLinkLocalAddress()))
                .allSatisfy(a -> assertThat(a.scope()).isEqualTo(Scope.LINK)).hasSize(2);
    }

    private static IfAddress find(List<IfAddress> all, String cidr) {
        return all.stream().filter(a -> a.cidr().equals(cidr)).findFirst().orElseThrow();
    }

    @Test
    void decodesNotifications() {
        List<NlMessage> added = Golden.load("monitor").receivedMessages(Rtnl.RTM_NEWADDR);
        List<NlMessage> removed = Golden.load("monitor").receivedMessages(Rtnl.RTM_DELADDR);
        assertThat(added).extracting(m -> AddressCodec.decode(m).cidr()).contains("10.7.7.7/24");
        assertThat(removed).extracting(m -> AddressCodec.decode(m).cidr()).contains("10.7.7.7/24");
        assertThat(AddressCodec.decode(added.get(0)).label()).isEqualTo("veth0");
    }

    @Test
    void describeNamesTheDevice() {
        IfAddress a = IfAddress.of(VETH0, "10.0.0.1/24");
        assertThat(AddressCodec.describe("RTM_NEWADDR", a, "eth0")).isEqualTo("RTM_NEWADDR 10.0.0.1/24 dev eth0");
        assertThat(AddressCodec.add(a).op()).isEqualTo("RTM_NEWADDR 10.0.0.1/24 dev #3");
    }
}
