package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kernel's answers to mistakes: the errno values FakeIpvsTable copies, and how they surface. */
@Tag("ipvs-vm")
class IpvsErrorsIT {
    private static IpvsTestNet net;
    private NetlinkIpvs ipvs;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("ierr");
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
        reset();
    }

    @AfterEach
    void reset() {
        net.stopDaemons();
        ipvs.flush();
    }

    static List<IpvsErrorCases.Case> cases() {
        return IpvsErrorCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void kernelErrno(IpvsErrorCases.Case c) {
        assertThat(ipvs.apply(c.setup())).allMatch(OpResult::ok);
        OpResult r = ipvs.apply(List.of(c.op())).get(0);
        assertThat(r.errnoName()).as(c.name()).isEqualTo(Errno.name(c.errno()));
    }

    @Test
    void destinationForAMissingServiceNamesOpAndErrno() {
        assertThatThrownBy(() -> ipvs.addDestination(tcp("10.9.0.1", 99), dest("10.9.0.10", 80, ForwardMethod.NAT, 1)))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("IPVS_CMD_NEW_DEST(TCP 10.9.0.1:99 -> 10.9.0.10:80) failed: ESRCH (No such process)");
    }

    @Test
    void ipvsadmReportsTheSameErrnoForTheSameMistake() {
        ipvs.addService(Service.of(tcp("10.9.0.1", 80), "rr"));
        IpvsTestNet.Run dup = net.ipvsadmWithInput("", "-A", "-t", "10.9.0.1:80", "-s", "rr");
        assertThat(dup.output()).contains("Service already exists");
        assertThatThrownBy(() -> ipvs.addService(Service.of(tcp("10.9.0.1", 80), "rr")))
                .hasMessageContaining("EEXIST");
    }
}
