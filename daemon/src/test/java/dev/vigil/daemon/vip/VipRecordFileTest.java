package dev.vigil.daemon.vip;

import static dev.vigil.daemon.vip.Addresses.vip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VipRecordFileTest {
    @TempDir
    Path dir;

    @Test
    void survivesTheProcessAndForgetsRemovedAddresses() throws Exception {
        Path file = dir.resolve("run/vigil.vips.json");
        VipRecordFile r = VipRecordFile.open(file);
        assertThat(r.entries()).isEmpty();
        r.adding("VI_1", List.of(DelegatedVipsTest.vip("10.0.0.10"), DelegatedVipsTest.vip("10.0.0.11")));
        r.add("exec", List.of(vip("VI_2", "2001:db8::5", 64, "eth1")));
        r.removed("VI_1", List.of(DelegatedVipsTest.vip("10.0.0.10")));
        r.close();

        VipRecordFile again = VipRecordFile.open(file);
        assertThat(again.entries()).extracting(e -> e.backend() + " " + e.address().owner() + " " + e.address())
                .containsExactly("netlink VI_1 10.0.0.11/24 dev eth0", "exec VI_2 2001:db8:0:0:0:0:0:5/64 dev eth1");
        assertThat(Files.readString(file)).contains("\"address\":\"2001:db8::5\"");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vigil.vips.json");
        }
    }

    @Test
    void anUnreadableRecordIsSetAsideNotFatal() throws Exception {
        Path file = dir.resolve("vigil.vips.json");
        Files.writeString(file, "{not json");
        VipRecordFile r = VipRecordFile.open(file);
        assertThat(r.entries()).isEmpty();
        assertThat(dir.resolve("vigil.vips.json.unreadable")).exists();
        r.add("netlink", List.of(vip("VI_1", "10.0.0.1", 32, "eth0")));
        assertThat(VipRecordFile.open(file).entries()).hasSize(1);
    }

    /**
     * Prints what recording costs: a synchronous write (backend threads) and a call from the VRRP
     * loop, which leaves the write to the record's thread (not asserted: machines differ).
     */
    @Test
    void printsTheCostOfRecording() throws Exception {
        VipRecordFile r = VipRecordFile.open(dir.resolve("cost.vips.json"));
        var a = List.of(vip("VI_1", "10.0.0.1", 24, "eth0"), vip("VI_1", "10.0.0.2", 24, "eth0"));
        var vips = List.of(DelegatedVipsTest.vip("10.0.0.1"), DelegatedVipsTest.vip("10.0.0.2"));
        int n = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < n / 2; i++) {
            r.add("netlink", a);
            r.remove(a);
        }
        long sync = (System.nanoTime() - t0) / n / 1000;
        long[] calls = new long[n];
        for (int i = 0; i < n; i++) {
            long t1 = System.nanoTime();
            if (i % 2 == 0) {
                r.adding("VI_1", vips);
            } else {
                r.removed("VI_1", vips);
            }
            calls[i] = System.nanoTime() - t1;
        }
        java.util.Arrays.sort(calls);
        long loop = calls[n / 2] / 1000;
        r.adding("VI_1", vips);
        r.close();
        System.out.println("VIP record (2 addresses, " + dir + "): synchronous write " + sync + " us (mean), VRRP loop call "
                + loop + " us (median of " + n + ")");
        assertThat(VipRecordFile.open(dir.resolve("cost.vips.json")).entries()).hasSize(2);
    }

    @Test
    void theSameAddressOfTheSameInstanceIsRecordedOnce() {
        VipRecordFile r = VipRecordFile.open(dir.resolve("r.json"));
        r.add("netlink", List.of(vip("VI_1", "10.0.0.1", 24, "eth0")));
        r.add("netlink", List.of(vip("VI_1", "10.0.0.1", 24, "eth0")));
        assertThat(r.entries()).hasSize(1);
    }
}
