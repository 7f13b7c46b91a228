package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value types: parsing, defaults and validation. */
class DomainTest {

    @Test
    void prefixesClearHostBitsAndNeverResolveNames() {
        assertThat(IpPrefix.parse("10.2.3.4/16")).isEqualTo(IpPrefix.parse("10.2.0.0/16"));
        assertThat(IpPrefix.parse("10.2.3.4/16").toString()).isEqualTo("10.2.0.0/16");
        assertThat(IpPrefix.parse("2001:db8::1/48").toString()).isEqualTo("2001:db8:0:0:0:0:0:0/48");
        assertThat(IpPrefix.parse("10.0.0.1").length()).isEqualTo(32);
        assertThat(IpPrefix.parse("10.0.0.0/8").contains(Addresses.parse("10.200.0.1"))).isTrue();
        assertThat(IpPrefix.any(IpFamily.V6).toString()).isEqualTo("0:0:0:0:0:0:0:0/0");
        assertThatThrownBy(() -> IpPrefix.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("999.1.1.1/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressDefaultsAndBroadcast() {
        IfAddress a = IfAddress.of(2, "192.168.7.9/22");
        assertThat(a.scope()).isEqualTo(Scope.UNIVERSE);
        assertThat(a.flags()).isEmpty();
        assertThat(a.withDefaultBroadcast().broadcast().getHostAddress()).isEqualTo("192.168.7.255");
        assertThat(IfAddress.of(2, "10.0.0.1/32").withDefaultBroadcast().broadcast()).isNull();
        assertThat(a.withFlags(AddressFlag.NODAD).withFlags(AddressFlag.NOPREFIXROUTE).flags())
                .containsExactlyInAnyOrder(AddressFlag.NODAD, AddressFlag.NOPREFIXROUTE);
        assertThat(a.withLabel("eth0:1").sameAs(a)).isTrue();
        assertThat(a.withLabel("").label()).isNull();
        assertThatThrownBy(() -> IfAddress.of(2, "2001:db8::1/64").withLabel("eth0:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IfAddress.of(0, "10.0.0.1/24")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routeScopeDefaultsAsIproute2() {
        assertThat(Route.to("10.0.0.0/8").dev(2).build().scope()).isEqualTo(Scope.LINK);
        assertThat(Route.to("10.0.0.0/8").via("10.1.1.1").build().scope()).isEqualTo(Scope.UNIVERSE);
        assertThat(Route.to("10.0.0.0/8").type(RouteType.LOCAL).dev(1).build().scope()).isEqualTo(Scope.HOST);
        assertThat(Route.to("10.0.0.0/8").type(RouteType.BLACKHOLE).build().scope()).isEqualTo(Scope.UNIVERSE);
        assertThat(Route.to("2001:db8::/32").dev(2).build().scope()).isEqualTo(Scope.UNIVERSE);
        assertThatThrownBy(() -> Route.to("10.0.0.0/8").via("2001:db8::1").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ruleBuilderDefaults() {
        Rule r = Rule.builder(IpFamily.V4).table(100).build();
        assertThat(r.action()).isEqualTo(RuleAction.TO_TBL);
        assertThat(r.priority()).isEqualTo(Rule.NO_PRIORITY);
        assertThat(Rule.builder(IpFamily.V4).action(RuleAction.BLACKHOLE).build().table()).isZero();
        assertThat(r.toString()).isEqualTo("from all lookup 100");
        assertThatThrownBy(() -> Rule.builder(IpFamily.V6).from("10.0.0.0/8").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesForLogs() {
        assertThat(Scope.of(253)).isSameAs(Scope.LINK);
        assertThat(Scope.of(17).toString()).isEqualTo("17");
        assertThat(OperState.of(99)).isEqualTo(OperState.UNKNOWN);
        assertThat(RouteType.of(7)).isEqualTo(RouteType.UNREACHABLE);
        assertThat(RuleAction.of(8)).isEqualTo(RuleAction.PROHIBIT);
        assertThat(FakeLinkMonitor.upLink(3, "eth0").toString()).startsWith("eth0(#3 up carrier UP mtu 1500");
    }
}
