package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static dev.vigil.kernel.ipvs.ServiceFlag.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Services programmed through NetlinkIpvs, checked against ipvsadm's view of the kernel. */
@Tag("ipvs-vm")
class IpvsServicesIT {
    static final List<String> SCHEDULERS =
            List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh");

    private static IpvsTestNet net;
    private NetlinkIpvs ipvs;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("isvc");
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

    @Test
    void everyScheduler() {
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < SCHEDULERS.size(); i++) {
            ipvs.addService(Service.of(tcp("10.9.0.1", i + 1), SCHEDULERS.get(i)));
            want.append("-A -t 10.9.0.1:").append(i + 1).append(" -s ").append(SCHEDULERS.get(i)).append('\n');
        }
        assertThat(net.ipvsadm("-Sn")).isEqualTo(want.toString());
        assertThat(ipvs.listServices()).extracting(Service::scheduler).containsExactlyInAnyOrderElementsOf(SCHEDULERS);
    }

    static List<Service> everyKind() {
        return List.of(
                svc(tcp("10.9.0.1", 80), "wrr"),
                svc(udp("10.9.0.1", 53), "rr"),
                svc(sctp("10.9.0.1", 3868), "lc"),
                svc(fwm(IpFamily.V4, 7), "wlc"),
                svc(fwm(IpFamily.V6, 8), "sh", SH_FALLBACK, SH_PORT),
                svc(tcp("2001:db8::1", 443), "mh", MH_FALLBACK, MH_PORT),
                svc(tcp("10.9.0.1", 81), "sed").persistent(600).withNetmask(0xffffff00),
                svc(udp("10.9.0.1", 5060), "rr").persistent(60).withPeName("sip"),
                svc(udp("10.9.0.1", 54), "dh", ONEPACKET),
                svc(tcp("2001:db8::1", 444), "lblc").persistent(300).withNetmask(64),
                svc(tcp("10.9.0.1", 86), "rr", SCHED1, SCHED2, SCHED3),
                svc(fwm(IpFamily.V4, 5), "rr").persistent(100).withNetmask(0xffffff80));
    }

    static final String EVERY_KIND_SAVED = """
            -A -t 10.9.0.1:80 -s wrr
            -A -t 10.9.0.1:81 -s sed -p 600 -M 255.255.255.0
            -A -t 10.9.0.1:86 -s rr -b flag-1,flag-2,flag-3
            -A -u 10.9.0.1:53 -s rr
            -A -u 10.9.0.1:54 -s dh -o
            -A -u 10.9.0.1:5060 -s rr -p 60 --pe sip
            -A --sctp-service 10.9.0.1:3868 -s lc
            -A -t [2001:db8::1]:443 -s mh -b mh-fallback,mh-port
            -A -t [2001:db8::1]:444 -s lblc -p 300 -M 64
            -A -f 5 -s rr -p 100 -M 255.255.255.128
            -A -f 7 -s wlc
            -A -f 8 -6 -s sh -b sh-fallback,sh-port
            """;

    @Test
    void everyKindOfServiceRoundTrips() {
        for (Service s : everyKind()) {
            ipvs.addService(s);
        }
        assertThat(net.ipvsadm("-Sn")).isEqualTo(EVERY_KIND_SAVED);
        assertThat(ipvs.listServices()).containsExactlyInAnyOrderElementsOf(everyKind());
        for (Service s : everyKind()) {
            assertThat(ipvs.getService(s.key())).isEqualTo(s);
        }
    }

    @Test
    void editReplacesSchedulerAndPersistence() {
        ServiceKey web = tcp("10.9.0.1", 80);
        ipvs.addService(svc(web, "rr").persistent(120).withNetmask(0xffff0000));
        ipvs.editService(svc(web, "wlc", ONEPACKET));
        ipvs.addService(svc(udp("10.9.0.1", 53), "rr"));
        ipvs.editService(svc(udp("10.9.0.1", 53), "sh", SH_PORT).persistent(30));
        assertThat(net.ipvsadm("-Sn")).isEqualTo("""
                -A -t 10.9.0.1:80 -s wlc -o
                -A -u 10.9.0.1:53 -s sh -p 30 -b sh-port
                """);
        assertThat(net.ipvsadm("-Ln")).contains("TCP  10.9.0.1:80 wlc ops");
    }

    @Test
    void deleteAndFlush() {
        List<Service> all = new ArrayList<>(everyKind());
        for (Service s : all) {
            ipvs.addService(s);
        }
        for (Service s : all.subList(0, 6)) {
            ipvs.deleteService(s);
        }
        assertThat(ipvs.listServices()).containsExactlyInAnyOrderElementsOf(all.subList(6, all.size()));
        assertThat(net.ipvsadm("-Sn").lines()).hasSize(6);
        ipvs.flush();
        assertThat(net.ipvsadm("-Sn")).isEmpty();
        assertThat(ipvs.listServices()).isEmpty();
    }

    @Test
    void infoMatchesIpvsadmHeader() {
        IpvsInfo info = ipvs.info();
        assertThat(net.ipvsadm("-Ln")).startsWith("IP Virtual Server version " + info.versionString()
                + " (size=" + info.connTableSize() + ")\n");
    }
}
