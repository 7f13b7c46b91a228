package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.conf;
import static dev.vigil.daemon.vrrp.VrrpLab.v3Unicast;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code unicast_peer { ADDR min_ttl N max_ttl N }} with the TTL the kernel reports: node a accepts
 * b's adverts only with a TTL of 250..254. b (priority 150) sends with TTL 255, so a drops them
 * (counted as {@code ttl_out_of_range}) and becomes master too; once b sends with TTL 252 (a reload),
 * a accepts them and goes back to BACKUP.
 */
class PeerTtlIT {
    @Test
    void advertsOutsideThePeersTtlRangeAreDroppedAndCounted() throws Exception {
        try (NetLab lab = VrrpLab.create("vgt", false)) {
            VigilProcess b0 = VigilProcess.start(lab, "b", "b1", write(lab, "b.conf",
                    conf("B", 150, v3Unicast("10.79.0.2", "10.79.0.1"))));
            Wait.until("b master [" + b0.logFile() + "]", VrrpLab.STARTUP, () -> "MASTER".equals(VrrpLab.state(b0)));
            VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.conf",
                    conf("A", 100, v3Unicast("10.79.0.1", "10.79.0.2 min_ttl 250 max_ttl 254"))));
            Wait.until("a drops b's TTL 255 adverts and becomes master [" + a.logFile() + "]", VrrpLab.STARTUP,
                    () -> "MASTER".equals(VrrpLab.state(a)) && counter(a, "ttl_out_of_range") > 2);
            assertThat(VrrpLab.state(b0)).isEqualTo("MASTER");
            assertThat(Files.readString(a.logFile())).contains("TTL/hop limit 255 outside 250..254");

            Path bConf = lab.dir().resolve("b.conf");
            Files.writeString(bConf, conf("B", 150, "unicast_ttl 252\n" + v3Unicast("10.79.0.2", "10.79.0.1")));
            b0.hangUp();
            Wait.until("a accepts b's TTL 252 adverts and backs off", Duration.ofSeconds(30),
                    () -> "BACKUP".equals(VrrpLab.state(a)));
            long dropped = counter(a, "ttl_out_of_range");
            Wait.until("b master again", Duration.ofSeconds(30), () -> "MASTER".equals(VrrpLab.state(b0)));
            long advertsBefore = counter(a, "adverts_received");
            Wait.until("a keeps receiving b's adverts", Duration.ofSeconds(10),
                    () -> counter(a, "adverts_received") > advertsBefore + 3);
            assertThat(counter(a, "ttl_out_of_range")).as("no more drops").isEqualTo(dropped);
            assertThat(VrrpLab.state(a)).isEqualTo("BACKUP");
        }
    }

    /** Counter {@code name} of a's instance from one status read, or -1 while a does not answer. */
    private static long counter(VigilProcess a, String name) {
        com.fasterxml.jackson.databind.JsonNode n = VrrpLab.live(a).findValue(name);
        return n == null ? -1 : n.asLong();
    }
}
