package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.conf;
import static dev.vigil.daemon.vrrp.VrrpLab.holders;
import static dev.vigil.daemon.vrrp.VrrpLab.state;
import static dev.vigil.daemon.vrrp.VrrpLab.v3Unicast;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three VRRP routers (two Vigil, one keepalived 2.2.7) on one bridge: the master is cut off the
 * bridge, both sides elect a master, and after the heal exactly one master remains within a few
 * advertisement intervals (RFC 5798 6.4.3: a master receiving a higher priority advert steps down),
 * checked on every node with {@code ip addr} and, for Vigil nodes, {@code vigil status --json}.
 */
class PartitionIT {
    private static final Duration ADVERT = Duration.ofMillis(500);

    private static final String V3_MULTICAST = """
                version 3
                advert_int 0.5
                virtual_ipaddress {
                    %s/24
                }
            """.formatted(VIP4);

    /** The isolated master is Vigil; the other side's master is keepalived. */
    @Test
    void vigilMasterIsolatedMulticast() {
        KeepalivedProcess.assumeInstalled();
        try (NetLab lab = VrrpLab.create("vpa", true)) {
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf", conf("A", 150, V3_MULTICAST)));
            KeepalivedProcess.start(lab, "b", "b1", conf("B", 100, V3_MULTICAST));
            VigilProcess c = VigilProcess.start(lab, "c", "c1", write(lab, "c.conf", conf("C", 50, V3_MULTICAST)));
            partitionAndHeal(lab, "multicast, vigil master isolated", a, c, "b");
        }
    }

    /** The isolated master is keepalived; the other side's master is Vigil, which must step down. */
    @Test
    void keepalivedMasterIsolatedUnicast() {
        KeepalivedProcess.assumeInstalled();
        try (NetLab lab = VrrpLab.create("vpb", true)) {
            KeepalivedProcess.start(lab, "a", "a1", conf("A", 150, v3Unicast("10.79.0.1", "10.79.0.2", "10.79.0.3")));
            VigilProcess b = VigilProcess.start(lab, "b", "b1",
                    write(lab, "b.conf", conf("B", 100, v3Unicast("10.79.0.2", "10.79.0.1", "10.79.0.3"))));
            VigilProcess c = VigilProcess.start(lab, "c", "c1",
                    write(lab, "c.conf", conf("C", 50, v3Unicast("10.79.0.3", "10.79.0.1", "10.79.0.2"))));
            partitionAndHeal(lab, "unicast, keepalived master isolated", null, c, "b", b);
        }
    }

    /**
     * Partitions node a (the priority 150 master) from b (100) and c (50), waits for b to take over,
     * heals and waits for a alone to be master.
     *
     * @param a the Vigil daemon on a, or null when a runs keepalived
     * @param c the Vigil daemon on c (always backup)
     * @param bVigil the Vigil daemon on b, if b runs Vigil
     */
    private static void partitionAndHeal(NetLab lab, String name, VigilProcess a, VigilProcess c, String b,
            VigilProcess... bVigil) {
        Wait.until(name + ": a alone holds the VIP", VrrpLab.STARTUP,
                () -> holders(lab, VIP4, "a", "b", "c").equals(List.of("a")));
        Wait.until(name + ": c is BACKUP [" + c.logFile() + "]", VrrpLab.STARTUP, () -> "BACKUP".equals(state(c)));

        lab.partition("a");
        Duration split = Wait.until(name + ": b becomes master on its side", Duration.ofSeconds(10),
                () -> holders(lab, VIP4, "a", "b", "c").equals(List.of("a", "b")));
        if (a != null) {
            assertThat(state(a)).as("isolated a stays master").isEqualTo("MASTER");
        }
        for (VigilProcess v : bVigil) {
            assertThat(state(v)).as("b during the partition").isEqualTo("MASTER");
        }
        assertThat(state(c)).as("c during the partition").isEqualTo("BACKUP");

        lab.heal("a");
        Duration heal = Wait.until(name + ": one master (a) after the heal", Duration.ofSeconds(10),
                () -> holders(lab, VIP4, "a", "b", "c").equals(List.of("a")));
        System.out.printf("partition (%s): second master after %d ms; one master %d ms after the heal%n", name,
                split.toMillis(), heal.toMillis());
        assertThat(heal).as("dual master resolved within a few advert intervals").isLessThan(ADVERT.multipliedBy(6));
        if (a != null) {
            assertThat(VrrpLab.statusCommand(a).path("state").asText()).isEqualTo("MASTER");
        }
        for (VigilProcess v : bVigil) {
            var status = VrrpLab.statusCommand(v);
            assertThat(status.path("state").asText()).as("b after the heal").isEqualTo("BACKUP");
            assertThat(status.path("master").asText()).as("b's view of the master").isEqualTo("10.79.0.1");
        }
        assertThat(VrrpLab.statusCommand(c).path("state").asText()).as("c after the heal").isEqualTo("BACKUP");
        VrrpLab.assertSteady(lab, VIP4, List.of("a"), ADVERT.multipliedBy(4), "a", "b", "c");
    }
}
