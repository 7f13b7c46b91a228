package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.KernelException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory implementations behave like the kernel where callers can tell. */
class FakesTest {

    @Test
    void fakeAddressTableAnswersLikeTheKernelAndNotifiesTheMonitor() {
        FakeLinkMonitor links = new FakeLinkMonitor().putLink(FakeLinkMonitor.upLink(3, "eth0"));
        List<LinkEvent> seen = new ArrayList<>();
        links.subscribe(seen::add);
        FakeAddressTable t = new FakeAddressTable(links);
        IfAddress vip = IfAddress.of(3, "10.0.0.1/24");

        assertThat(t.ensurePresent(vip)).isTrue();
        assertThat(t.ensurePresent(vip)).isFalse();
        assertThatThrownBy(() -> t.add(vip)).isInstanceOf(KernelException.class)
                .hasMessageStartingWith("RTM_NEWADDR 10.0.0.1/24 dev eth0 failed: EEXIST");
        assertThatThrownBy(() -> t.add(IfAddress.of(7, "10.0.0.2/24"))).hasMessageContaining("ENODEV");
        assertThat(t.list(3)).singleElement().satisfies(a -> {
            assertThat(a.sameAs(vip)).isTrue();
            assertThat(a.label()).isEqualTo("eth0");
            assertThat(a.has(AddressFlag.PERMANENT)).isTrue();
        });
        assertThat(t.ensureAbsent(vip)).isTrue();
        assertThat(t.ensureAbsent(vip)).isFalse();
        assertThatThrownBy(() -> t.delete(vip)).hasMessageContaining("EADDRNOTAVAIL");
        assertThat(seen).hasSize(2).first().isInstanceOf(LinkEvent.AddressAdded.class);
        assertThat(seen.get(1)).isInstanceOf(LinkEvent.AddressRemoved.class);
    }

    @Test
    void fakeLinkMonitorDeliversUpDownAndCarrier() {
        FakeLinkMonitor m = new FakeLinkMonitor().putLink(FakeLinkMonitor.upLink(2, "eth0"));
        List<LinkEvent> seen = new ArrayList<>();
        LinkMonitor.Subscription s = m.subscribe(seen::add);
        m.setCarrier(2, false).setCarrier(2, false).setUp(2, false).setUp(2, true);
        assertThat(seen).hasSize(3).allMatch(e -> e instanceof LinkEvent.LinkUpdated);
        LinkEvent.LinkUpdated lost = (LinkEvent.LinkUpdated) seen.get(0);
        assertThat(lost.carrierChanged()).isTrue();
        assertThat(lost.current().operState()).isEqualTo(OperState.LOWERLAYERDOWN);
        assertThat(((LinkEvent.LinkUpdated) seen.get(1)).upChanged()).isTrue();
        assertThat(m.link("eth0").orElseThrow().usable()).isTrue();
        s.close();
        m.removeLink(2);
        assertThat(seen).hasSize(3);
        assertThat(m.links()).isEmpty();
    }

    @Test
    void fakeRouteTableMatchesDeletesLikeTheKernel() {
        FakeRouteTable t = new FakeRouteTable();
        Route r = Route.to("10.2.0.0/16").via("10.1.1.254").dev(3).table(100).metric(10).build();
        assertThat(t.ensureRoutePresent(r)).isTrue();
        assertThat(t.ensureRoutePresent(r.toBuilder().via("10.1.1.253").build())).isFalse();
        assertThatThrownBy(() -> t.addRoute(r)).hasMessageContaining("EEXIST");
        assertThat(t.routes(IpFamily.V4, 100)).containsExactly(r);
        assertThat(t.routes(IpFamily.V4, 254)).isEmpty();
        assertThat(t.ensureRouteAbsent(Route.to("10.2.0.0/16").table(100).metric(11).build())).isFalse();
        assertThat(t.ensureRouteAbsent(Route.to("10.2.0.0/16").table(100).build())).isTrue();
        assertThatThrownBy(() -> t.deleteRoute(r)).hasMessageContaining("ESRCH");
    }

    @Test
    void fakeRouteTableKeepsRulesInPriorityOrder() {
        FakeRouteTable t = new FakeRouteTable();
        Rule rule = Rule.builder(IpFamily.V4).from("10.1.0.0/16").table(100).priority(100).build();
        assertThat(t.ensureRulePresent(rule)).isTrue();
        assertThat(t.ensureRulePresent(rule)).isFalse();
        t.addRule(Rule.builder(IpFamily.V4).oif("eth0").table(1000).build());
        assertThat(t.rules(IpFamily.V4)).extracting(Rule::priority).containsExactly(0, 99, 100, 32766, 32767); // as the kernel: just before the second rule
        assertThat(t.rules(IpFamily.V6)).extracting(Rule::priority).containsExactly(0, 32766);
        assertThat(t.ensureRuleAbsent(Rule.builder(IpFamily.V4).priority(100).build())).isTrue();
        assertThatThrownBy(() -> t.deleteRule(rule)).hasMessageContaining("ENOENT");
    }
}
