package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM;

/** Destination requests encode exactly as ipvsadm sends them (captures in golden/dest-*.golden). */
class IpvsDestinationGoldenTest {
    private static final ServiceKey WEB = tcp("10.9.0.1", 80);

    @Test
    void addNat() {
        sends("dest-add-nat", t -> t.addDestination(WEB, dest("10.9.0.10", 8080, NAT, 5)));
    }

    @Test
    void addDirectRouteWithThresholdsAndWeightZero() {
        sends("dest-add-dr-thresholds",
                t -> t.addDestination(WEB, dest("10.9.0.11", 80, DIRECT_ROUTE, 0).withThresholds(100, 10)));
    }

    @Test
    void addGueTunnelWithChecksum() {
        sends("dest-add-tun-gue", t -> t.addDestination(WEB,
                dest("10.9.0.12", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6080, TUNNEL_ENCAP_FLAG_CSUM)));
    }

    @Test
    void addGueTunnelWithRemoteChecksum() {
        sends("dest-add-tun-gue-remcsum", t -> t.addDestination(WEB,
                dest("10.9.0.13", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6081, TUNNEL_ENCAP_FLAG_REMCSUM)));
    }

    @Test
    void addGreTunnel() {
        sends("dest-add-tun-gre", t -> t.addDestination(WEB,
                dest("10.9.0.14", 80, TUNNEL, 1).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM)));
    }

    @Test
    void addIpipTunnel() {
        sends("dest-add-tun-ipip", t -> t.addDestination(WEB, dest("10.9.0.15", 80, TUNNEL, 2)));
    }

    @Test
    void addIpv6() {
        sends("dest-add-v6",
                t -> t.addDestination(tcp("2001:db8::1", 443), dest("2001:db8::10", 8443, NAT, 3)));
    }

    @Test
    void addIpv6BehindIpv4Service() {
        sends("dest-add-v6-under-v4", t -> t.addDestination(WEB, dest("2001:db8::11", 80, TUNNEL, 1)));
    }

    @Test
    void addToFwmarkServices() {
        sends("dest-add-fwmark",
                t -> t.addDestination(fwm(IpFamily.V4, 7), dest("10.9.0.20", 0, DIRECT_ROUTE, 1)));
        sends("dest-add-fwmark6",
                t -> t.addDestination(fwm(IpFamily.V6, 8), dest("2001:db8::20", 0, DIRECT_ROUTE, 1)));
    }

    @Test
    void addToUdpAndSctp() {
        sends("dest-add-udp", t -> t.addDestination(udp("10.9.0.1", 53), dest("10.9.0.21", 5353, NAT, 4)));
        sends("dest-add-sctp",
                t -> t.addDestination(sctp("10.9.0.1", 3868), dest("10.9.0.22", 3868, DIRECT_ROUTE, 1)));
    }

    @Test
    void edit() {
        sends("dest-edit", t -> t.editDestination(WEB, dest("10.9.0.10", 8080, NAT, 9).withThresholds(50, 5)));
        sends("dest-edit-tunnel", t -> t.editDestination(WEB,
                dest("10.9.0.12", 80, TUNNEL, 4).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM)));
    }

    @Test
    void delete() {
        // ipvsadm sends the defaults it parsed (direct routing, weight 1) along with the address.
        sends("dest-del", t -> t.deleteDestination(WEB, dest("10.9.0.11", 80, DIRECT_ROUTE, 1)));
        sends("dest-del-v6-under-v4", t -> t.deleteDestination(WEB, dest("2001:db8::11", 80, DIRECT_ROUTE, 1)));
    }
}
