package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IpvsRestore against {@code ipvsadm -R} on the same large rules file (1,000 services with 10
 * destinations each unless -Dvigil.perf.services says otherwise): the same table, and both times
 * printed. Speed is compared by scripts/bench-ipvs, not asserted here.
 */
@Tag("ipvs-vm")
class IpvsRestorePerfIT {
    static String rules(int services, int dests) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < services; s++) {
            String svc = "-t 10.10." + (s / 250) + "." + (s % 250 + 1) + ":80";
            b.append("-A ").append(svc).append(" -s wrr\n");
            for (int d = 1; d <= dests; d++) {
                b.append("-a ").append(svc).append(" -r 10.20.0.").append(d).append(":8080 -m -w ").append(d).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * Each contender gets a fresh namespace: the kernel keeps deleted destinations in a per-namespace
     * trash list for two minutes and scans it on every destination add, so a run after a flush of
     * 100,000 destinations is much slower than one on a fresh table.
     */
    @Test
    void sameTableAsIpvsadmRestore() {
        int services = Integer.getInteger("vigil.perf.services", 1_000);
        String rules = rules(services, 10);
        long ipvsadmNanos;
        String a;
        try (IpvsTestNet net = IpvsTestNet.create("lperfa")) {
            long t0 = System.nanoTime();
            IpvsTestNet.Run r = net.ipvsadmWithInput(rules, "-R");
            ipvsadmNanos = System.nanoTime() - t0;
            assertThat(r.exit()).as(r.output()).isZero();
            a = net.ipvsadm("-Sn");
            assertThat(a.lines()).hasSize(services * 11);
        }
        try (IpvsTestNet net = IpvsTestNet.create("lperfb")) {
            NetlinkIpvs ipvs = net.ipvs();
            long t1 = System.nanoTime();
            IpvsRestore.Result result = new IpvsRestore(ipvs).restore(rules, true);
            long oursNanos = System.nanoTime() - t1;
            assertThat(result.ok()).isTrue();
            long t2 = System.nanoTime();
            String saved = IpvsadmSave.save(ipvs);
            long saveNanos = System.nanoTime() - t2;
            assertThat(net.ipvsadm("-Sn")).isEqualTo(a);
            assertThat(saved).isEqualTo(a);
            System.out.printf("restore of %d rules: ipvsadm -R %d ms, IpvsRestore %d ms (ipvsadm / vigil %.2f); "
                    + "IpvsadmSave %d ms%n", services * 11, ipvsadmNanos / 1_000_000, oursNanos / 1_000_000,
                    (double) ipvsadmNanos / oursNanos, saveNanos / 1_000_000);
        }
    }
}
