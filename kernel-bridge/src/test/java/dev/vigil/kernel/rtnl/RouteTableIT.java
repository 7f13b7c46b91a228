package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routes in custom tables and policy rules through rtnetlink, checked with {@code ip -j route/rule}. */
class RouteTableIT {

    @Test
    void routesInCustomTables() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlroute")) {
            n.ip("addr", "add", "10.1.1.1/24", "dev", "veth0");
            n.ip("-6", "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad");
            int veth0 = n.index("veth0");
            Route via = Route.to("10.2.0.0/16").via("10.1.1.254").dev(veth0).src("10.1.1.1").table(100).metric(10)
                    .protocol(Rtnl.RTPROT_STATIC).build();
            Route blackhole = Route.to("10.3.0.0/16").type(RouteType.BLACKHOLE).table(100).build();
            Route big = Route.to("10.4.0.0/16").dev(veth0).table(100_000).protocol(Rtnl.RTPROT_KEEPALIVED).build();
            Route v6 = Route.to("2001:db8:5::/48").via("2001:db8::fe").dev(veth0).table(100).metric(5).build();
            n.netns.call(() -> {
                try (NetlinkRouteTable t = NetlinkRouteTable.open()) {
                    t.addRoute(via);
                    assertThat(t.ensureRoutePresent(blackhole)).isTrue();
                    assertThat(t.ensureRoutePresent(blackhole)).isFalse();
                    t.addRoute(big);
                    t.addRoute(v6);
                    assertThatThrownBy(() -> t.addRoute(via)).isInstanceOf(NetlinkException.class)
                            .hasMessageStartingWith("RTM_NEWROUTE 10.2.0.0/16 via 10.1.1.254 dev veth0 src 10.1.1.1 table 100 metric 10")
                            .hasMessageContaining("proto static failed: EEXIST");
                    assertThat(t.routes(IpFamily.V4, 100)).containsExactlyInAnyOrder(via, blackhole);
                    assertThat(t.routes(IpFamily.V4, 100_000)).containsExactly(big);
                    assertThat(t.routes(IpFamily.V6, 100)).containsExactly(v6);
                    assertThat(t.routes(IpFamily.V4, Rtnl.RT_TABLE_MAIN)).extracting(r -> r.dst().toString())
                            .containsExactly("10.1.1.0/24");
                }
                return null;
            });
            assertIpSeesRoutes(n);

            n.netns.call(() -> {
                try (NetlinkRouteTable t = NetlinkRouteTable.open()) {
                    t.deleteRoute(via);
                    assertThat(t.ensureRouteAbsent(blackhole)).isTrue();
                    assertThat(t.ensureRouteAbsent(blackhole)).isFalse();
                    assertThat(t.ensureRouteAbsent(big)).isTrue();
                    assertThat(t.ensureRouteAbsent(v6)).isTrue();
                    assertThatThrownBy(() -> t.deleteRoute(via)).hasMessageContaining("ESRCH");
                }
                return null;
            });
            assertThat(n.json("route", "show", "table", "100")).isEmpty();
            assertThat(n.json("-6", "route", "show", "table", "100")).isEmpty();
        }
    }

    @Test
    void policyRules() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlrule")) {
            Rule selectors = Rule.builder(IpFamily.V4).from("10.1.0.0/16").to("10.9.0.0/16").iif("veth0")
                    .fwmark(0x10, 0xff).table(100).priority(100).build();
            Rule oif = Rule.builder(IpFamily.V4).oif("veth0").table(1000).priority(200).build();
            Rule inverted = Rule.builder(IpFamily.V4).invert(true).from("10.5.0.0/16").action(RuleAction.UNREACHABLE)
                    .priority(300).build();
            Rule v6 = Rule.builder(IpFamily.V6).from("2001:db8::/64").table(100).priority(300).build();
            n.netns.call(() -> {
                try (NetlinkRouteTable t = NetlinkRouteTable.open()) {
                    t.addRule(selectors);
                    assertThat(t.ensureRulePresent(oif)).isTrue();
                    assertThat(t.ensureRulePresent(oif)).isFalse();
                    t.addRule(inverted);
                    t.addRule(v6);
                    assertThat(t.rules(IpFamily.V4)).extracting(Rule::priority).containsExactly(0, 100, 200, 300, 32766, 32767);
                    assertThat(t.rules(IpFamily.V4)).contains(selectors, oif, inverted);
                    assertThat(t.rules(IpFamily.V6)).contains(v6);
                }
                return null;
            });
            assertIpSeesRules(n);

            n.netns.call(() -> {
                try (NetlinkRouteTable t = NetlinkRouteTable.open()) {
                    t.deleteRule(selectors);
                    assertThat(t.ensureRuleAbsent(oif)).isTrue();
                    assertThat(t.ensureRuleAbsent(oif)).isFalse();
                    assertThat(t.ensureRuleAbsent(inverted)).isTrue();
                    assertThat(t.ensureRuleAbsent(v6)).isTrue();
                    assertThatThrownBy(() -> t.deleteRule(selectors)).hasMessageContaining("ENOENT");
                }
                return null;
            });
            assertThat(n.json("rule")).extracting(r -> r.get("priority")).containsExactly(0L, 32766L, 32767L);
        }
    }

    private static void assertIpSeesRoutes(RtnlNet n) {
        List<Map<String, Object>> t100 = n.json("route", "show", "table", "100");
        assertThat(t100).anySatisfy(r -> assertThat(r).containsEntry("dst", "10.2.0.0/16")
                .containsEntry("gateway", "10.1.1.254").containsEntry("dev", "veth0").containsEntry("metric", 10L)
                .containsEntry("protocol", "static").containsEntry("prefsrc", "10.1.1.1"));
        assertThat(t100).anySatisfy(r -> assertThat(r).containsEntry("dst", "10.3.0.0/16")
                .containsEntry("type", "blackhole"));
        assertThat(n.json("route", "show", "table", "100000")).singleElement().satisfies(r ->
                assertThat(r).containsEntry("dst", "10.4.0.0/16").containsEntry("scope", "link")
                        .containsEntry("protocol", "keepalived"));
        assertThat(n.json("-6", "route", "show", "table", "100")).singleElement().satisfies(r ->
                assertThat(r).containsEntry("dst", "2001:db8:5::/48").containsEntry("gateway", "2001:db8::fe"));
    }

    private static void assertIpSeesRules(RtnlNet n) {
        List<Map<String, Object>> rules = n.json("rule");
        assertThat(rules).anySatisfy(r -> assertThat(r).containsEntry("priority", 100L).containsEntry("src", "10.1.0.0")
                .containsEntry("srclen", 16L).containsEntry("dst", "10.9.0.0").containsEntry("iif", "veth0")
                .containsEntry("fwmark", "0x10").containsEntry("fwmask", "0xff").containsEntry("table", "100"));
        assertThat(rules).anySatisfy(r -> assertThat(r).containsEntry("priority", 200L).containsEntry("oif", "veth0")
                .containsEntry("table", "1000"));
        assertThat(rules).anySatisfy(r -> assertThat(r).containsEntry("priority", 300L).containsKey("not")
                .containsEntry("action", "unreachable"));
        assertThat(n.json("-6", "rule")).anySatisfy(r -> assertThat(r).containsEntry("priority", 300L)
                .containsEntry("src", "2001:db8::").containsEntry("table", "100"));
    }
}
