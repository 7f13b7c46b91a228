package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** apply(): many requests per sendmsg, one result per op, failures in the middle. */
@Tag("ipvs-vm")
class IpvsBatchIT {
    private static IpvsTestNet net;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("ibat");
    }

    @AfterAll
    static void cleanup() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void thousandsOfOpsWithFailuresInTheMiddle() {
        NetlinkIpvs ipvs = net.ipvs();
        ipvs.flush();
        try {
            List<IpvsOp> ops = new ArrayList<>();
            for (int s = 0; s < 1000; s++) {
                ServiceKey key = tcp("10.9.1." + (s / 250), 1000 + s % 250);
                ops.add(new IpvsOp.AddService(Service.of(key, "wrr")));
                for (int d = 0; d < 4; d++) {
                    ops.add(new IpvsOp.AddDestination(key, dest("10.9.2." + (d + 1), 80, ForwardMethod.NAT, d)));
                }
            }
            ops.add(700, new IpvsOp.AddDestination(tcp("10.9.9.9", 1), dest("10.9.2.1", 80, ForwardMethod.NAT, 1)));
            ops.add(2000, new IpvsOp.AddService(Service.of(tcp("10.9.1.0", 1000), "rr")));
            List<OpResult> results = ipvs.apply(ops);
            assertThat(results).hasSize(ops.size());
            for (int i = 0; i < results.size(); i++) {
                String want = i == 700 ? "ESRCH" : i == 2000 ? "EEXIST" : "";
                assertThat(results.get(i).errnoName()).as("op %d %s", i, ops.get(i).describe()).isEqualTo(want);
            }
            assertThat(net.ipvsadm("-Sn").lines()).hasSize(5000);
            assertThat(ipvs.listServices()).hasSize(1000);
        } finally {
            ipvs.flush();
        }
    }
}
