package dev.vigil.lvs.reconcile;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.TunnelType;
import dev.vigil.kernel.testing.IpvsTestNet;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler against the real kernel: what it writes is what ipvsadm sees, and a second pass
 * over the same table writes nothing, so the values the kernel reports back compare equal to
 * the ones configured (defaults, flags, netmasks, tunnel settings included).
 */
@Tag("ipvs-vm")
class IpvsReconcilerIT {
    private static Destination rs(String addr, int port, ForwardMethod fwd, int weight) {
        return Destination.of(IpAddresses.parse(addr), port, fwd, weight);
    }

    private static DesiredTable table(int weight) {
        ServiceKey web = ServiceKey.tcp(IpAddresses.parse("10.9.0.100"), 80);
        ServiceKey dns = ServiceKey.udp(IpAddresses.parse("10.9.0.100"), 53);
        ServiceKey v6 = ServiceKey.tcp(IpAddresses.parse("2001:db8::100"), 443);
        ServiceKey mark = ServiceKey.fwmark(IpFamily.V4, 7);
        return DesiredTable.builder()
                .service(Service.of(web, "wrr").persistent(300), List.of(
                        rs("10.9.0.2", 80, ForwardMethod.NAT, weight),
                        rs("10.9.0.3", 80, ForwardMethod.NAT, 2).withThresholds(100, 10)))
                .service(Service.of(dns, "sh").withFlag(ServiceFlag.SCHED1, true).withFlag(ServiceFlag.ONEPACKET, true),
                        List.of(rs("10.9.0.4", 53, ForwardMethod.DIRECT_ROUTE, 1)))
                .service(Service.of(v6, "mh"), List.of(rs("2001:db8::2", 443, ForwardMethod.NAT, 1)))
                .service(Service.of(mark, "rr"), List.of(
                        rs("10.9.0.5", 0, ForwardMethod.TUNNEL, 1).withTunnel(TunnelType.GUE, 6080, 0)))
                .build();
    }

    @Test
    void writesTheTableOnceAndThenNothing() {
        try (IpvsTestNet net = IpvsTestNet.create("lrec")) {
            NetlinkIpvs ipvs = net.ipvs();
            IpvsReconciler reconciler = new IpvsReconciler(ipvs);
            IpvsReconciler.Result first = reconciler.reconcile(table(1));
            assertThat(first.failures()).isEmpty();
            String saved = net.ipvsadm("-Sn");
            assertThat(saved).contains("-A -t 10.9.0.100:80 -s wrr -p 300",
                    "-a -t 10.9.0.100:80 -r 10.9.0.3:80 -m -w 2",
                    "-A -f 7 -s rr", "-A -u 10.9.0.100:53 -s sh");
            // ipvsadm's save format has no thresholds; its threshold listing shows them.
            assertThat(net.ipvsadm("-Ln", "--thresholds").lines())
                    .anyMatch(l -> l.contains("10.9.0.3:80") && l.matches(".*\\s100\\s+10\\s.*"));
            assertThat(IpvsadmSave.save(ipvs)).isEqualTo(saved);

            IpvsReconciler.Result second = reconciler.reconcile(table(1));
            assertThat(second.ops()).as("ops on an unchanged table").isEmpty();

            IpvsReconciler.Result third = reconciler.reconcile(table(0));
            assertThat(third.ops()).extracting(o -> o.describe())
                    .containsExactly("edit-dest TCP 10.9.0.100:80 -> 10.9.0.2:80");
            assertThat(net.ipvsadm("-Sn")).contains("-a -t 10.9.0.100:80 -r 10.9.0.2:80 -m -w 0");
        }
    }
}
