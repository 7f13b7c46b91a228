package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.netlink.NlRequest;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Route requests compared byte for byte with iproute2's; kernel route dumps decoded. */
class RouteCodecTest {
    private static final int VETH0 = 3;

    private static void assertSameAsIproute2(String capture, NlRequest ours, int extraFlags) {
        Golden g = Golden.load(capture);
        assertThat(HexFormat.of().formatHex(g.ours(ours, extraFlags))).as("%s: %s", capture, g.command())
                .isEqualTo(HexFormat.of().formatHex(g.sentMessage(ours.type())));
    }

    private static Route viaGateway() {
        return Route.to("10.2.0.0/16").via("10.1.1.254").dev(VETH0).src("10.1.1.1").table(100).metric(10)
                .protocol(Rtnl.RTPROT_STATIC).build();
    }

    @Test
    void addUnicastViaGatewayInSmallTable() {
        assertSameAsIproute2("route-add-v4", RouteCodec.add(viaGateway()), Golden.ACKED);
    }

    @Test
    void addInTableAbove255UsesRtaTable() {
        Route direct = Route.to("10.2.0.0/16").dev(VETH0).table(1000).build();
        assertThat(direct.scope()).isEqualTo(Scope.LINK);
        assertSameAsIproute2("route-add-v4-bigtable", RouteCodec.add(direct), Golden.ACKED);
        Route all = Route.to("10.12.0.0/16").via("10.1.1.254").dev(VETH0).src("10.1.1.1").table(1000).metric(10)
                .protocol(Rtnl.RTPROT_STATIC).build();
        assertSameAsIproute2("route-add-v4-all", RouteCodec.add(all), Golden.ACKED);
    }

    @Test
    void addBlackholeUnreachableProhibit() {
        assertSameAsIproute2("route-add-blackhole",
                RouteCodec.add(Route.to("10.3.0.0/16").type(RouteType.BLACKHOLE).table(100).build()), Golden.ACKED);
        assertSameAsIproute2("route-add-unreachable",
                RouteCodec.add(Route.to("10.4.0.0/16").type(RouteType.UNREACHABLE).table(100).metric(7).build()),
                Golden.ACKED);
        assertSameAsIproute2("route-add-prohibit",
                RouteCodec.add(Route.to("10.5.0.0/16").type(RouteType.PROHIBIT).table(100).build()), Golden.ACKED);
    }

    @Test
    void addV6ViaGateway() {
        Route r = Route.to("2001:db8:5::/48").via("2001:db8::fe").dev(VETH0).table(100).metric(5).build();
        assertSameAsIproute2("route-add-v6", RouteCodec.add(r), Golden.ACKED);
    }

    @Test
    void deleteLeavesProtocolScopeAndTypeOpen() {
        Route r = viaGateway().toBuilder().src((java.net.InetAddress) null).build();
        assertSameAsIproute2("route-del-v4", RouteCodec.delete(r), Golden.ACKED);
    }

    @Test
    void dumpRequestsAskForTheTable() {
        assertSameAsIproute2("route-dump", RouteCodec.dump(IpFamily.V4, 100), Golden.DUMP);
        assertSameAsIproute2("route-dump-v6", RouteCodec.dump(IpFamily.V6, 100), Golden.DUMP);
    }

    @Test
    void decodesTheKernelsDump() {
        List<Route> routes = Golden.load("route-dump").receivedMessages(Rtnl.RTM_NEWROUTE).stream()
                .map(RouteCodec::decode).toList();
        assertThat(routes).containsExactly(viaGateway(),
                Route.to("10.3.0.0/16").type(RouteType.BLACKHOLE).table(100).build(),
                Route.to("10.4.0.0/16").type(RouteType.UNREACHABLE).table(100).metric(7).build(),
                Route.to("10.5.0.0/16").type(RouteType.PROHIBIT).table(100).build());
    }

    @Test
    void decodesTheKernelsV6Dump() {
        List<Route> routes = Golden.load("route-dump-v6").receivedMessages(Rtnl.RTM_NEWROUTE).stream()
                .map(RouteCodec::decode).toList();
        assertThat(routes).containsExactly(
                Route.to("2001:db8:5::/48").via("2001:db8::fe").dev(VETH0).table(100).metric(5).build());
    }

    @Test
    void defaultRouteHasNoDstAttribute() {
        Route r = Route.to("0.0.0.0/0").via("10.1.1.254").build();
        assertThat(RouteCodec.add(r).body()).hasSize(Rtnl.RTMSG_LEN + 8);
        assertThat(r.scope()).isEqualTo(Scope.UNIVERSE);
        assertThat(r.table()).isEqualTo(Rtnl.RT_TABLE_MAIN);
    }
}
