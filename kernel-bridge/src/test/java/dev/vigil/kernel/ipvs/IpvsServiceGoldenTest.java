package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static dev.vigil.kernel.ipvs.ServiceFlag.*;

/** Service requests encode exactly as ipvsadm sends them (captures in golden/svc-*.golden). */
class IpvsServiceGoldenTest {
    @Test
    void addTcpWrr() {
        sends("svc-add-tcp-wrr", t -> t.addService(svc(tcp("10.9.0.1", 80), "wrr")));
    }

    @Test
    void addUdpRr() {
        sends("svc-add-udp-rr", t -> t.addService(svc(udp("10.9.0.1", 53), "rr")));
    }

    @Test
    void addSctpLc() {
        sends("svc-add-sctp-lc", t -> t.addService(svc(sctp("10.9.0.1", 3868), "lc")));
    }

    @Test
    void addFwmark() {
        sends("svc-add-fwmark-wlc", t -> t.addService(svc(fwm(IpFamily.V4, 7), "wlc")));
    }

    @Test
    void addFwmarkIpv6WithShFlags() {
        sends("svc-add-fwmark6-sh-flags", t -> t.addService(svc(fwm(IpFamily.V6, 8), "sh", SH_FALLBACK, SH_PORT)));
    }

    @Test
    void addTcpIpv6WithMhFlags() {
        sends("svc-add-tcp6-mh-flags", t -> t.addService(svc(tcp("2001:db8::1", 443), "mh", MH_FALLBACK, MH_PORT)));
    }

    @Test
    void addPersistentWithNetmask() {
        sends("svc-add-persist-netmask",
                t -> t.addService(svc(tcp("10.9.0.1", 81), "sed").persistent(600).withNetmask(0xffffff00)));
    }

    @Test
    void addPersistentDefaultTimeout() {
        sends("svc-add-persist-default",
                t -> t.addService(svc(tcp("10.9.0.1", 82), "nq").persistent(Service.DEFAULT_PERSISTENCE_TIMEOUT)));
    }

    @Test
    void addOnePacket() {
        sends("svc-add-onepacket", t -> t.addService(svc(udp("10.9.0.1", 54), "dh", ONEPACKET)));
    }

    @Test
    void addWithPersistenceEngine() {
        sends("svc-add-pe-sip",
                t -> t.addService(svc(udp("10.9.0.1", 5060), "rr").persistent(60).withPeName("sip")));
    }

    @Test
    void addIpv6PersistentWithPrefix() {
        sends("svc-add-persist6-prefix",
                t -> t.addService(svc(tcp("2001:db8::1", 444), "lblc").persistent(300).withNetmask(64)));
    }

    @Test
    void addOtherSchedulers() {
        sends("svc-add-lblcr", t -> t.addService(svc(tcp("10.9.0.1", 83), "lblcr")));
        sends("svc-add-fo", t -> t.addService(svc(tcp("10.9.0.1", 84), "fo")));
        sends("svc-add-ovf", t -> t.addService(svc(tcp("10.9.0.1", 85), "ovf")));
    }

    @Test
    void addAllSchedulerFlags() {
        sends("svc-add-flag3", t -> t.addService(svc(tcp("10.9.0.1", 86), "rr", SCHED1, SCHED2, SCHED3)));
    }

    @Test
    void edit() {
        sends("svc-edit", t -> t.editService(svc(tcp("10.9.0.1", 80), "rr").persistent(120)));
    }

    @Test
    void delete() {
        sends("svc-del", t -> t.deleteService(tcp("10.9.0.1", 81)));
    }

    @Test
    void deleteFwmarkIpv6() {
        sends("svc-del-fwmark6", t -> t.deleteService(fwm(IpFamily.V6, 8)));
    }

    @Test
    void zeroOne() {
        sends("zero-svc", t -> t.zero(tcp("10.9.0.1", 80)));
        sends("zero-fwmark6", t -> t.zero(fwm(IpFamily.V6, 8)));
    }

    @Test
    void zeroAll() {
        sends("zero", IpvsTable::zero);
    }

    @Test
    void flush() {
        sends("flush", IpvsTable::flush);
    }

    @Test
    void getOne() {
        sends("get-service", t -> t.getService(tcp("10.9.0.1", 80)));
        sends("get-service6", t -> t.getService(tcp("2001:db8::1", 443)));
    }

    @Test
    void batchOfServicesIsTheSameRequests() {
        IpvsGolden g = IpvsGolden.load("svc-add-tcp-wrr");
        var results = g.run(t -> t.apply(java.util.List.of(new IpvsOp.AddService(svc(tcp("10.9.0.1", 80), "wrr")))));
        org.assertj.core.api.Assertions.assertThat(results).singleElement().matches(OpResult::ok);
        org.assertj.core.api.Assertions.assertThat(g.matched()).hasSize(1);
    }
}
