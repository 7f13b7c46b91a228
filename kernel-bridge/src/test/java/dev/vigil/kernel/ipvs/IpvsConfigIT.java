package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts, sync daemons, counters and zeroing, checked against ipvsadm. */
@Tag("ipvs-vm")
class IpvsConfigIT {
    private static IpvsTestNet net;
    private NetlinkIpvs ipvs;

    @BeforeAll
    static void namespace() {
        net = IpvsTestNet.create("icfg");
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
        net.stopDaemons();
        ipvs.setTimeouts(Timeouts.KERNEL_DEFAULTS);
        ipvs.flush();
    }

    @Test
    void timeouts() {
        ipvs.setTimeouts(new Timeouts(1000, 110, 250));
        assertThat(net.ipvsadm("-L", "--timeout")).isEqualTo("Timeout (tcp tcpfin udp): 1000 110 250\n");
        ipvs.setTimeouts(new Timeouts(0, 0, 100));
        assertThat(ipvs.getTimeouts()).isEqualTo(new Timeouts(1000, 110, 100));
        assertThat(net.ipvsadm("-L", "--timeout")).isEqualTo("Timeout (tcp tcpfin udp): 1000 110 100\n");
    }

    private static String asIpvsadmLists(SyncDaemon d) {
        return d.state().label() + " sync daemon (mcast=" + d.interfaceName() + ", syncid=" + d.syncId()
                + ", maxlen=" + d.maxLength() + ", group=" + IpAddresses.format(d.group()) + ", port=" + d.port()
                + ", ttl=" + d.ttl() + ")";
    }

    @Test
    void syncDaemons() {
        ipvs.startDaemon(new SyncDaemon(SyncState.MASTER, IpvsTestNet.IFACE, 5, 1400, ip("239.1.2.3"), 9000, 3));
        ipvs.startDaemon(SyncDaemon.of(SyncState.BACKUP, IpvsTestNet.IFACE, 6));
        List<SyncDaemon> daemons = ipvs.listDaemons();
        assertThat(daemons).extracting(SyncDaemon::state).containsExactly(SyncState.MASTER, SyncState.BACKUP);
        assertThat(daemons.get(0)).isEqualTo(
                new SyncDaemon(SyncState.MASTER, IpvsTestNet.IFACE, 5, 1400, ip("239.1.2.3"), 9000, 3));
        assertThat(net.ipvsadm("-L", "--daemon").lines())
                .containsExactlyElementsOf(daemons.stream().map(IpvsConfigIT::asIpvsadmLists).toList());
        ipvs.stopDaemon(SyncState.MASTER);
        assertThat(net.ipvsadm("-L", "--daemon")).startsWith("backup sync daemon (mcast=dummy0, syncid=6,");
        ipvs.stopDaemon(SyncState.BACKUP);
        ipvs.startDaemon(new SyncDaemon(SyncState.MASTER, IpvsTestNet.IFACE, 7, 0, ip("ff02::1:81"), 8848, 0));
        assertThat(net.ipvsadm("-L", "--daemon")).isEqualTo(asIpvsadmLists(ipvs.listDaemons().get(0)) + "\n")
                .contains("group=ff02::1:81");
    }

    /** Counters of the service line of {@code ipvsadm -Ln --stats --exact}: conns, inpkts, outpkts, inbytes, outbytes. */
    private static long[] ipvsadmCounters(String out, String service) {
        Matcher m = Pattern.compile(Pattern.quote(service) + " +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = Long.parseLong(m.group(i + 1));
        }
        return c;
    }

    private static long[] counters(Stats s) {
        return new long[] {s.conns(), s.inPackets(), s.outPackets(), s.inBytes(), s.outBytes()};
    }

    /** Polls the first service's counters until they stay unchanged for 3 s (at most 30 s). */
    private boolean settled() {
        long[] last = counters(ipvs.listServices().get(0).stats());
        long since = System.nanoTime();
        long deadline = since + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long[] now = counters(ipvs.listServices().get(0).stats());
            if (!java.util.Arrays.equals(now, last)) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > java.util.concurrent.TimeUnit.SECONDS.toNanos(3)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Local clients only pass through IPVS when something listens on the virtual address and port
     * (checked in the VM), so a busybox nc listens there and the service forwards to itself.
     */
    @Test
    void countersAndZero() {
        ServiceKey key = tcp("10.9.0.1", 7000);
        ipvs.addService(Service.of(key, "rr"));
        ipvs.addDestination(key, dest("10.9.0.1", 7000, ForwardMethod.NAT, 1));
        Process nc = net.start("busybox", "nc", "-lk", "-p", "7000", "-s", "10.9.0.1", "-e", "/bin/cat");
        try {
            // Connect until the listener is up and IPVS has scheduled something.
            boolean passed = dev.vigil.kernel.testing.TestNet.await(30_000, () -> {
                net.exec("bash", "-c", "for i in 1 2; do (exec 3<>/dev/tcp/10.9.0.1/7000) 2>/dev/null; done; true");
                return ipvs.listServices().get(0).stats().conns() > 0;
            });
            assertThat(passed).as("connections through IPVS within 30 s").isTrue();
            nc.destroy();
            // The kernel folds per-CPU counters into the totals every ~2 s (the estimator): wait
            // until nothing moves any more, or a later fold would land after the zeroing.
            assertThat(settled()).as("counters stop changing within 30 s").isTrue();
            Stats stats = ipvs.listServices().get(0).stats();
            assertThat(stats.inBytes()).isPositive();
            assertThat(counters(stats))
                    .containsExactly(ipvsadmCounters(net.ipvsadm("-Ln", "--stats", "--exact"), "TCP  10.9.0.1:7000"));
            assertThat(ipvs.listDestinations(key).get(0).stats().conns()).isEqualTo(stats.conns());
            ipvs.zero(key);
            assertThat(ipvs.listServices().get(0).stats().conns()).isZero();
            assertThat(ipvsadmCounters(net.ipvsadm("-Ln", "--stats", "--exact"), "TCP  10.9.0.1:7000"))
                    .containsOnly(0L);
            ipvs.zero();
            assertThat(ipvs.listServices().get(0).stats().conns()).isZero();
            assertThat(ipvs.listDestinations(key).get(0).stats().conns()).isZero();
        } finally {
            nc.destroy();
        }
    }
}
