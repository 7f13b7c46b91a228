package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.TunnelType;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trip through the real kernel: rules loaded by {@code ipvsadm -R} save (ipvsadm -Sn) to
 * text A; the same rules restored by IpvsRestore save to A again, both by ipvsadm and by IpvsadmSave.
 */
@Tag("ipvs-vm")
class IpvsadmRoundTripIT {
    static final List<String> SCENARIOS = Resources.SCENARIOS;
    private static IpvsTestNet net;
    private NetlinkIpvs ipvs;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("lrt");
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
    }

    @AfterEach
    void flushAfter() {
        ipvs.flush();
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void restoreAndSaveLikeIpvsadm(String name) {
        String rules = Resources.text(name + ".rules");
        IpvsTestNet.Run loaded = net.ipvsadmWithInput(rules, "-R");
        assertThat(loaded.exit()).as(loaded.output()).isZero();
        String a = net.ipvsadm("-Sn");
        ipvs.flush();
        assertThat(net.ipvsadm("-Sn")).isEmpty();

        IpvsRestore.Result r = new IpvsRestore(ipvs).restore(rules, true);
        // ipvsadm -R prints one line per rule the kernel refused and goes on; so does IpvsRestore.
        assertThat(r.failures()).hasSize((int) loaded.output().lines().count());
        assertThat(IpvsadmSave.save(ipvs)).isEqualTo(a);
        assertThat(net.ipvsadm("-Sn")).isEqualTo(a);
    }

    /** Values ipvsadm cannot set but the kernel keeps, one table each. */
    static List<Map.Entry<String, Consumer<NetlinkIpvs>>> oddTables() {
        ServiceKey web = ServiceKey.tcp(IpAddresses.parse("10.9.0.1"), 80);
        Service rr = Service.of(web, "rr");
        return List.of(
                Map.entry("pe without persistence", t -> t.addService(rr.withPeName("sip"))),
                Map.entry("timeout and mask without persistence", t -> t.addService(
                        Service.of(ServiceKey.udp(IpAddresses.parse("10.9.0.1"), 53), "rr")
                                .withFlag(ServiceFlag.ONEPACKET, true).withTimeout(77).withNetmask(0xffff0000))),
                Map.entry("fwmarks of 2^31 and more", t -> {
                    t.addService(Service.of(ServiceKey.fwmark(IpFamily.V4, -1), "rr"));
                    t.addService(Service.of(ServiceKey.fwmark(IpFamily.V4, 0x80000000), "rr"));
                    t.addService(Service.of(ServiceKey.fwmark(IpFamily.V6, 0x7fffffff), "mh").persistent(5).withNetmask(1));
                }),
                Map.entry("sh with flag 3 only", t -> t.addService(Service.of(web, "sh").withFlag(ServiceFlag.SCHED3, true))),
                Map.entry("local forwarding", t -> withDest(t, rr, Destination.of(ip("10.9.0.10"), 80, ForwardMethod.LOCAL, 0))),
                Map.entry("bypass forwarding", t -> withDest(t, rr, Destination.of(ip("10.9.0.11"), 80, ForwardMethod.BYPASS, 7))),
                Map.entry("direct routing with tunnel options", t -> withDest(t, rr, Destination.of(ip("10.9.0.13"), 8080,
                        ForwardMethod.DIRECT_ROUTE, 1).withTunnel(TunnelType.GRE, 0, 1))),
                Map.entry("ipip with port and flags", t -> withDest(t, rr, Destination.of(ip("10.9.0.14"), 80,
                        ForwardMethod.TUNNEL, 1).withTunnel(TunnelType.IPIP, 9, 2))));
    }

    private static java.net.InetAddress ip(String s) {
        return IpAddresses.parse(s);
    }

    private static void withDest(NetlinkIpvs t, Service s, Destination d) {
        t.addService(s);
        t.addDestination(s.key(), d);
    }

    @ParameterizedTest
    @MethodSource("oddTables")
    void valuesOnlyTheApiCanSet(Map.Entry<String, Consumer<NetlinkIpvs>> table) {
        table.getValue().accept(ipvs);
        IpvsTestNet.Run saved = net.ipvsadmWithInput("", "-Sn");
        assertThat(saved.exit()).isZero();
        assertThat(IpvsadmSave.save(ipvs)).isEqualTo(saved.output());
    }

    /** ipvsadm 1.31 crashes (SIGSEGV) saving a GUE destination with both csum and remcsum set. */
    @Test
    void tunnelFlagsIpvsadmCannotSave() {
        Service rr = Service.of(ServiceKey.tcp(ip("10.9.0.1"), 80), "rr");
        withDest(ipvs, rr, Destination.of(ip("10.9.0.12"), 80, ForwardMethod.TUNNEL, 1)
                .withTunnel(TunnelType.GUE, 1, 3));
        assertThat(net.ipvsadmWithInput("", "-Sn").exit()).isEqualTo(139);
        assertThat(IpvsadmSave.save(ipvs)).isEqualTo("-A -t 10.9.0.1:80 -s rr\n"
                + "-a -t 10.9.0.1:80 -r 10.9.0.12:80 -i -w 1 --tun-type gue --tun-port 1 --tun-csum\n");
    }
}
