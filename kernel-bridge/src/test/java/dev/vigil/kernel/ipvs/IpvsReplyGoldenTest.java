package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM;
import static org.assertj.core.api.Assertions.assertThat;

/** The kernel's dump replies, as captured under ipvsadm -L, decode to the table ipvsadm listed. */
class IpvsReplyGoldenTest {
    @Test
    void dumpOfEveryKindOfService() {
        List<Service> services = IpvsGolden.load("list").run(IpvsTable::listServices);
        assertThat(services).hasSize(15);
        assertThat(services).contains(
                svc(tcp("10.9.0.1", 80), "rr").persistent(120),
                svc(tcp("10.9.0.1", 81), "sed").persistent(600).withNetmask(0xffffff00),
                svc(tcp("10.9.0.1", 82), "nq").persistent(360),
                svc(tcp("10.9.0.1", 86), "rr", ServiceFlag.SCHED1, ServiceFlag.SCHED2, ServiceFlag.SCHED3),
                svc(udp("10.9.0.1", 54), "dh", ServiceFlag.ONEPACKET),
                svc(udp("10.9.0.1", 5060), "rr").persistent(60).withPeName("sip"),
                svc(sctp("10.9.0.1", 3868), "lc"),
                svc(tcp("2001:db8::1", 443), "mh", ServiceFlag.MH_FALLBACK, ServiceFlag.MH_PORT),
                svc(tcp("2001:db8::1", 444), "lblc").persistent(300).withNetmask(64),
                svc(fwm(IpFamily.V4, 7), "wlc"),
                svc(fwm(IpFamily.V6, 8), "sh", ServiceFlag.SH_FALLBACK, ServiceFlag.SH_PORT));
    }

    @Test
    void dumpOfDestinationsNewestFirst() {
        List<Destination> dests = IpvsGolden.load("list").run(t -> t.listDestinations(tcp("10.9.0.1", 80)));
        assertThat(dests).containsExactly(
                dest("2001:db8::11", 80, TUNNEL, 1),
                dest("10.9.0.15", 80, TUNNEL, 2),
                dest("10.9.0.14", 80, TUNNEL, 1).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM),
                dest("10.9.0.13", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6081, TUNNEL_ENCAP_FLAG_REMCSUM),
                dest("10.9.0.12", 80, TUNNEL, 4).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM),
                dest("10.9.0.11", 80, DIRECT_ROUTE, 0).withThresholds(100, 10),
                dest("10.9.0.10", 8080, NAT, 9).withThresholds(50, 5));
    }

    @Test
    void dumpOfFwmarkDestinations() {
        IpvsGolden g = IpvsGolden.load("list");
        List<Destination> fwmark = g.run(t -> t.listDestinations(fwm(IpFamily.V6, 8)));
        assertThat(fwmark).containsExactly(dest("2001:db8::20", 0, DIRECT_ROUTE, 1));
        List<Destination> v6 = g.run(t -> t.listDestinations(tcp("2001:db8::1", 443)));
        assertThat(v6).containsExactly(dest("2001:db8::10", 8443, NAT, 3));
    }

    @Test
    void countersFromStats64() {
        IpvsGolden g = IpvsGolden.load("list-traffic");
        List<Service> services = g.run(IpvsTable::listServices);
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(tcp("10.9.0.1", 7000));
            assertThat(s.stats().conns()).isEqualTo(5);
            assertThat(s.stats().inPackets()).isEqualTo(5);
            assertThat(s.stats().outPackets()).isEqualTo(5);
            assertThat(s.stats().inBytes()).isEqualTo(300);
            assertThat(s.stats().outBytes()).isEqualTo(200);
        });
        Destination d = g.run(t -> t.listDestinations(tcp("10.9.0.1", 7000))).get(0);
        assertThat(d.stats().conns()).isEqualTo(5);
        assertThat(d.stats().inBytes()).isEqualTo(300);
        assertThat(d.inactiveConns()).isEqualTo(5);
        assertThat(g.output()).anyMatch(l -> l.matches("TCP  10.9.0.1:7000 +5 +5 +5 +300 +200"));
    }

    @Test
    void destinationsWithoutStatsAreTheSameButForTheirCounters() {
        IpvsGolden g = IpvsGolden.load("list-traffic");
        Destination with = g.run(t -> t.listDestinations(tcp("10.9.0.1", 7000))).get(0);
        Destination without = IpvsGolden.load("list-traffic")
                .run(t -> t.listDestinationsWithoutStats(tcp("10.9.0.1", 7000))).get(0);
        assertThat(without.stats()).isEqualTo(Stats.ZERO);
        assertThat(without).usingRecursiveComparison().ignoringFields("stats").isEqualTo(with);
    }

    @Test
    void singleServiceGet() {
        Service s = IpvsGolden.load("get-service").run(t -> t.getService(tcp("10.9.0.1", 80)));
        assertThat(s.sameConfig(svc(tcp("10.9.0.1", 80), "rr").persistent(120))).isTrue();
        Service v6 = IpvsGolden.load("get-service6").run(t -> t.getService(tcp("2001:db8::1", 443)));
        assertThat(v6.flags()).isEqualTo(Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED2));
        assertThat(v6.netmask()).isEqualTo(128);
    }
}
