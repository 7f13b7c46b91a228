package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.FakeNetlinkKernel.Reply;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.netlink.NlMessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Netlink address and route tables against a fake kernel: ensure semantics, error text, filtering. */
class NetlinkTablesTest {
    private static final Link VETH0 = FakeLinkMonitor.upLink(3, "veth0");

    /** Answers every request of {@code type} with {@code errno}, link lookups with veth0, the rest with an ack. */
    private static FakeNetlinkKernel failing(int type, int errno) {
        Function<List<NlMessage>, List<Reply>> links = KernelMessages.dumps(() -> List.of(VETH0), List::of);
        return new FakeNetlinkKernel(msgs -> {
            List<Reply> out = new ArrayList<>();
            for (NlMessage m : msgs) {
                if (m.type() == Rtnl.RTM_GETLINK) {
                    out.addAll(links.apply(List.of(m)));
                } else {
                    out.add(Reply.error(m, m.type() == type ? errno : 0));
                }
            }
            return out;
        });
    }

    private static int sentType(FakeNetlinkKernel k, int i) {
        return ByteBuffer.wrap(k.sent().get(i)).order(ByteOrder.nativeOrder()).getShort(4);
    }

    @Test
    void ensurePresentToleratesEexistAndAddReportsItWithTheDeviceName() {
        FakeNetlinkKernel k = failing(Rtnl.RTM_NEWADDR, Errno.EEXIST);
        NetlinkAddressTable t = new NetlinkAddressTable(new NetlinkClient(k));
        IfAddress vip = IfAddress.of(3, "10.0.0.1/24");
        assertThat(t.ensurePresent(vip)).isFalse();
        assertThat(k.sent()).hasSize(1);
        assertThatThrownBy(() -> t.add(vip)).isInstanceOf(NetlinkException.class)
                .hasMessageStartingWith("RTM_NEWADDR 10.0.0.1/24 dev veth0 failed: EEXIST")
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EEXIST));
        assertThat(sentType(k, 2)).isEqualTo(Rtnl.RTM_GETLINK);
    }

    @Test
    void errorsKeepTheIndexWhenTheDeviceIsGone() {
        NetlinkAddressTable t = new NetlinkAddressTable(new NetlinkClient(failing(Rtnl.RTM_NEWADDR, Errno.ENODEV)));
        assertThatThrownBy(() -> t.ensurePresent(IfAddress.of(9, "10.0.0.1/24")))
                .hasMessageStartingWith("RTM_NEWADDR 10.0.0.1/24 dev #9 failed: ENODEV");
    }

    @Test
    void ensureAbsentToleratesMissingAddressOrDevice() {
        IfAddress vip = IfAddress.of(3, "10.0.0.1/24");
        assertThat(new NetlinkAddressTable(new NetlinkClient(failing(Rtnl.RTM_DELADDR, Errno.EADDRNOTAVAIL)))
                .ensureAbsent(vip)).isFalse();
        assertThat(new NetlinkAddressTable(new NetlinkClient(failing(Rtnl.RTM_DELADDR, Errno.ENODEV)))
                .ensureAbsent(vip)).isFalse();
        assertThat(new NetlinkAddressTable(new NetlinkClient(failing(-1, 0))).ensureAbsent(vip)).isTrue();
        assertThatThrownBy(() -> new NetlinkAddressTable(new NetlinkClient(failing(Rtnl.RTM_DELADDR, Errno.EADDRNOTAVAIL)))
                .delete(vip)).hasMessageContaining("RTM_DELADDR 10.0.0.1/24 dev veth0").hasMessageContaining("EADDRNOTAVAIL");
    }

    @Test
    void sendsTheCodecsBytes() {
        FakeNetlinkKernel k = failing(-1, 0);
        IfAddress vip = IfAddress.of(3, "2001:db8::1/64").withFlags(AddressFlag.NODAD);
        new NetlinkAddressTable(new NetlinkClient(k)).add(vip);
        byte[] sent = k.sent().get(0);
        byte[] body = java.util.Arrays.copyOfRange(sent, Netlink.HEADER_LEN, sent.length);
        assertThat(body).isEqualTo(java.util.Arrays.copyOf(AddressCodec.add(vip).body(), body.length));
    }

    @Test
    void listDecodesTheDump() {
        IfAddress a = IfAddress.of(3, "10.1.1.1/24").withLabel("veth0:vip").withDefaultBroadcast()
                .withFlags(AddressFlag.PERMANENT);
        FakeNetlinkKernel k = new FakeNetlinkKernel(KernelMessages.dumps(() -> List.of(VETH0), () -> List.of(a)));
        assertThat(new NetlinkAddressTable(new NetlinkClient(k)).list()).containsExactly(a);
        assertThat(new NetlinkAddressTable(new NetlinkClient(k)).list(4)).isEmpty();
    }

    @Test
    void routeAndRuleEnsureTolerateTheKernelsNotFoundErrnos() {
        Route r = Route.to("10.2.0.0/16").via("10.1.1.254").dev(3).table(100).build();
        assertThat(new NetlinkRouteTable(new NetlinkClient(failing(Rtnl.RTM_NEWROUTE, Errno.EEXIST))).ensureRoutePresent(r)).isFalse();
        assertThat(new NetlinkRouteTable(new NetlinkClient(failing(Rtnl.RTM_DELROUTE, Errno.ESRCH))).ensureRouteAbsent(r)).isFalse();
        Rule rule = Rule.builder(IpFamily.V4).from("10.1.0.0/16").table(100).priority(100).build();
        assertThat(new NetlinkRouteTable(new NetlinkClient(failing(Rtnl.RTM_NEWRULE, Errno.EEXIST))).ensureRulePresent(rule)).isFalse();
        assertThat(new NetlinkRouteTable(new NetlinkClient(failing(Rtnl.RTM_DELRULE, Errno.ENOENT))).ensureRuleAbsent(rule)).isFalse();
        assertThat(new NetlinkRouteTable(new NetlinkClient(failing(-1, 0))).ensureRulePresent(rule)).isTrue();
        assertThatThrownBy(() -> new NetlinkRouteTable(new NetlinkClient(failing(Rtnl.RTM_NEWROUTE, Errno.ENETUNREACH)))
                .addRoute(r)).hasMessageStartingWith("RTM_NEWROUTE 10.2.0.0/16 via 10.1.1.254 dev veth0 table 100")
                .hasMessageContaining("ENETUNREACH");
    }

    @Test
    void routesAreFilteredByTableEvenWhenTheKernelDoesNot() {
        // Captured kernel replies for table 100, plus a main-table route the kernel would add
        // when the socket has no strict checking.
        List<NlMessage> captured = Golden.load("route-dump").receivedMessages(Rtnl.RTM_NEWROUTE);
        Route main = Route.to("10.9.0.0/16").dev(3).build();
        FakeNetlinkKernel k = new FakeNetlinkKernel(msgs -> {
            NlMessage m = msgs.get(0);
            List<Reply> out = new ArrayList<>();
            for (NlMessage c : captured) {
                byte[] p = new byte[c.payload().remaining()];
                c.payload().duplicate().get(p);
                out.add(new Reply(Rtnl.RTM_NEWROUTE, Netlink.NLM_F_MULTI, m.seq(), p));
            }
            byte[] mainBody = RouteCodec.add(main).body();
            out.add(new Reply(Rtnl.RTM_NEWROUTE, Netlink.NLM_F_MULTI, m.seq(), mainBody));
            out.add(Reply.done(m));
            return out;
        });
        NetlinkRouteTable t = new NetlinkRouteTable(new NetlinkClient(k));
        assertThat(t.routes(IpFamily.V4, 100)).hasSize(4).allMatch(r -> r.table() == 100);
        assertThat(t.routes(IpFamily.V4, 0)).hasSize(5).contains(main);
        assertThat(t.routes(IpFamily.V6, 0)).isEmpty();
    }
}
