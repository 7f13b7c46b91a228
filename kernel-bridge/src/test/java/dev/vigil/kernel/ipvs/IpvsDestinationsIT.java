package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM;
import static dev.vigil.kernel.ipvs.IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM;
import static org.assertj.core.api.Assertions.assertThat;

/** Destinations programmed through NetlinkIpvs, checked against ipvsadm's view of the kernel. */
@Tag("ipvs-vm")
class IpvsDestinationsIT {
    private static final ServiceKey WEB = tcp("10.9.0.1", 80);
    private static final ServiceKey WEB6 = tcp("2001:db8::1", 443);
    private static IpvsTestNet net;
    private NetlinkIpvs ipvs;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("idst");
    }

    @AfterAll
    static void cleanup() {
        if (net != null) {
            net.close();
        }
    }

    @BeforeEach
    void flushFirst() {
        ipvs = net.ipvs();
        ipvs.flush();
        ipvs.addService(Service.of(WEB, "wrr"));
        ipvs.addService(Service.of(WEB6, "wlc"));
        ipvs.addService(Service.of(udp("10.9.0.1", 53), "rr"));
        ipvs.addService(Service.of(sctp("10.9.0.1", 3868), "lc"));
        ipvs.addService(Service.of(fwm(IpFamily.V4, 7), "rr"));
        ipvs.addService(Service.of(fwm(IpFamily.V6, 8), "rr"));
    }

    @AfterEach
    void flushAfter() {
        ipvs.flush();
    }

    static List<Destination> webDests() {
        return List.of(
                dest("10.9.0.10", 8080, NAT, 5),
                dest("10.9.0.11", 80, DIRECT_ROUTE, 0).withThresholds(100, 10),
                dest("10.9.0.12", 80, TUNNEL, 1),
                dest("10.9.0.13", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6080, TUNNEL_ENCAP_FLAG_CSUM),
                dest("10.9.0.14", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6081, TUNNEL_ENCAP_FLAG_REMCSUM),
                dest("10.9.0.15", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 6082, 0),
                dest("10.9.0.16", 80, TUNNEL, 1).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM),
                dest("10.9.0.17", 80, TUNNEL, 1).withTunnel(TunnelType.GRE, 0, 0),
                dest("10.9.0.18", 80, DIRECT_ROUTE, Integer.MAX_VALUE).withThresholds(65535, 0),
                dest("2001:db8::30", 80, TUNNEL, 1).withTunnel(TunnelType.GUE, 7000, TUNNEL_ENCAP_FLAG_CSUM));
    }

    @Test
    void everyForwardingMethodAndTunnelOption() {
        for (Destination d : webDests()) {
            ipvs.addDestination(WEB, d);
        }
        ipvs.addDestination(WEB6, dest("2001:db8::10", 8443, NAT, 3));
        ipvs.addDestination(WEB6, dest("2001:db8::11", 443, DIRECT_ROUTE, 1).withThresholds(20, 2));
        ipvs.addDestination(udp("10.9.0.1", 53), dest("10.9.0.10", 5353, NAT, 7));
        ipvs.addDestination(sctp("10.9.0.1", 3868), dest("10.9.0.10", 3868, DIRECT_ROUTE, 3));
        ipvs.addDestination(fwm(IpFamily.V4, 7), dest("10.9.0.10", 0, DIRECT_ROUTE, 1));
        ipvs.addDestination(fwm(IpFamily.V4, 7), dest("10.9.0.11", 8080, NAT, 1));
        ipvs.addDestination(fwm(IpFamily.V6, 8), dest("2001:db8::11", 443, NAT, 9));
        assertThat(net.ipvsadm("-Sn")).isEqualTo("""
                -A -t 10.9.0.1:80 -s wrr
                -a -t 10.9.0.1:80 -r 10.9.0.10:8080 -m -w 5
                -a -t 10.9.0.1:80 -r 10.9.0.11:80 -g -w 0
                -a -t 10.9.0.1:80 -r 10.9.0.12:80 -i -w 1 --tun-type ipip
                -a -t 10.9.0.1:80 -r 10.9.0.13:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
                -a -t 10.9.0.1:80 -r 10.9.0.14:80 -i -w 1 --tun-type gue --tun-port 6081 --tun-remcsum
                -a -t 10.9.0.1:80 -r 10.9.0.15:80 -i -w 1 --tun-type gue --tun-port 6082 --tun-nocsum
                -a -t 10.9.0.1:80 -r 10.9.0.16:80 -i -w 1 --tun-type gre --tun-csum
                -a -t 10.9.0.1:80 -r 10.9.0.17:80 -i -w 1 --tun-type gre --tun-nocsum
                -a -t 10.9.0.1:80 -r 10.9.0.18:80 -g -w 2147483647
                -a -t 10.9.0.1:80 -r [2001:db8::30]:80 -i -w 1 --tun-type gue --tun-port 7000 --tun-csum
                -A -u 10.9.0.1:53 -s rr
                -a -u 10.9.0.1:53 -r 10.9.0.10:5353 -m -w 7
                -A --sctp-service 10.9.0.1:3868 -s lc
                -a --sctp-service 10.9.0.1:3868 -r 10.9.0.10:3868 -g -w 3
                -A -t [2001:db8::1]:443 -s wlc
                -a -t [2001:db8::1]:443 -r [2001:db8::10]:8443 -m -w 3
                -a -t [2001:db8::1]:443 -r [2001:db8::11]:443 -g -w 1
                -A -f 7 -s rr
                -a -f 7 -r 10.9.0.10:0 -g -w 1
                -a -f 7 -r 10.9.0.11:8080 -m -w 1
                -A -f 8 -6 -s rr
                -a -f 8 -6 -r [2001:db8::11]:443 -m -w 9
                """);
        String thresholds = net.ipvsadm("-Ln", "--thresholds");
        assertThat(thresholds).containsPattern("-> 10\\.9\\.0\\.11:80 +100 +10 +0 +0")
                .containsPattern("-> 10\\.9\\.0\\.18:80 +65535 +0 ")
                .containsPattern("-> \\[2001:db8::11\\]:443 +20 +2 ");
        assertThat(ipvs.listDestinations(WEB)).containsExactlyElementsOf(newestFirst(webDests()));
    }

    private static List<Destination> newestFirst(List<Destination> added) {
        List<Destination> l = new java.util.ArrayList<>(added);
        java.util.Collections.reverse(l);
        return l;
    }

    @Test
    void editAndDelete() {
        ipvs.addDestination(WEB, dest("10.9.0.10", 80, NAT, 1));
        ipvs.addDestination(WEB, dest("10.9.0.11", 80, NAT, 1));
        ipvs.addDestination(WEB, dest("10.9.0.12", 80, NAT, 1));
        ipvs.editDestination(WEB, dest("10.9.0.10", 80, DIRECT_ROUTE, 4).withThresholds(9, 3));
        ipvs.editDestination(WEB, dest("10.9.0.11", 80, TUNNEL, 2).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM));
        ipvs.deleteDestination(WEB, dest("10.9.0.12", 80, NAT, 1));
        assertThat(net.ipvsadm("-Sn").lines().filter(l -> l.contains(" -t 10.9.0.1:80 ")))
                .containsExactly("-A -t 10.9.0.1:80 -s wrr",
                        "-a -t 10.9.0.1:80 -r 10.9.0.10:80 -g -w 4",
                        "-a -t 10.9.0.1:80 -r 10.9.0.11:80 -i -w 2 --tun-type gre --tun-csum");
        assertThat(ipvs.listDestinations(WEB)).containsExactly(
                dest("10.9.0.11", 80, TUNNEL, 2).withTunnel(TunnelType.GRE, 0, TUNNEL_ENCAP_FLAG_CSUM),
                dest("10.9.0.10", 80, DIRECT_ROUTE, 4).withThresholds(9, 3));
    }

    @Test
    void destinationsOfAMissingServiceAreAnEmptyDump() {
        assertThat(ipvs.listDestinations(tcp("10.9.0.1", 99))).isEmpty();
    }
}
