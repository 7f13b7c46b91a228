package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Accept mode (RFC 5798 section 6.1) on a real kernel: a master that is not the address owner and has
 * {@code no_accept} holds the VIP (the client resolves it to the master's MAC) but drops packets to it
 * through nftables, so a client's ping fails; with {@code accept} (changed by a reload) the same ping
 * is answered; at stop the table is gone. keepalived 2.2.7 on the same configuration drops the ping too.
 */
class NoAcceptIT {
    private static final String VIP = "10.81.0.50";
    private static final String VIP6 = "fd81::50";

    private static String conf(String mode) {
        return """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 61
                    priority 100
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        %s/24
                    }
                }
                vrrp_instance VI_6 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 62
                    priority 100
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        %s/64
                    }
                }
                """.formatted(mode, VIP, mode, VIP6);
    }

    private static Path write(NetLab lab, String name, String text) {
        try {
            return Files.writeString(lab.dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NetLab lab() {
        NetLab lab = LabAssumptions.netLab("vgn");
        lab.addNode("a", "10.81.0.1/24", "fd81::1/64");
        lab.addNode("client", "10.81.0.100/24", "fd81::100/64");
        return lab;
    }

    private static boolean holds(NetLab lab, String vip) {
        return lab.addresses(lab.node("a").ns(), "eth0").stream().anyMatch(x -> x.startsWith(vip + "/"));
    }

    /** Ten pings from the client, 100 ms apart, each waiting at most 1 s. */
    private static ExecResult ping(NetLab lab, String vip) {
        return lab.run(lab.node("client").ns(), "ping", "-n", "-c", "10", "-i", "0.1", "-W", "1", vip);
    }

    private static ExecResult nftTable(NetLab lab) {
        return lab.run(lab.node("a").ns(), "nft", "list", "table", "inet", "vigil");
    }

    private static String clientNeighbour(NetLab lab, String vip) {
        return lab.exec(lab.node("client").ns(), "ip", "neigh", "show", vip, "dev", "eth0");
    }

    @Test
    void withoutAcceptTheVipDropsTrafficAndAReloadWithAcceptLetsItThrough() {
        LabAssumptions.assumeNft();
        try (NetLab lab = lab()) {
            Path conf = write(lab, "a.conf", conf("no_accept"));
            VigilProcess a = VigilProcess.start(lab, "a", "a1", conf);
            Wait.until("a holds both VIPs [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, VIP) && holds(lab, VIP6));
            assertThat(nftTable(lab).out()).contains(VIP).contains(VIP6).contains("ip daddr @vips4 drop");

            ExecResult dropped = ping(lab, VIP);
            assertThat(dropped.ok()).as("ping without accept: " + dropped.out()).isFalse();
            assertThat(dropped.out()).contains(" 0 received");
            assertThat(clientNeighbour(lab, VIP)).as("the client resolved the VIP: only IP is dropped")
                    .contains(lab.mac("a"));
            ExecResult dropped6 = ping(lab, VIP6);
            assertThat(dropped6.ok()).as("ping6 without accept: " + dropped6.out()).isFalse();
            assertThat(clientNeighbour(lab, VIP6)).as("neighbour discovery passes").contains(lab.mac("a"));

            Files.writeString(conf, conf("accept"));
            a.hangUp();
            Wait.until("the reload empties the sets", Duration.ofSeconds(20),
                    () -> !nftTable(lab).out().contains(VIP) && !nftTable(lab).out().contains(VIP6));
            assertThat(holds(lab, VIP)).as("still master, no restart needed to see it").isTrue();
            ExecResult answered = ping(lab, VIP);
            assertThat(answered.ok()).as("ping with accept: " + answered.out()).isTrue();
            assertThat(ping(lab, VIP6).ok()).isTrue();

            Files.writeString(conf, conf("no_accept"));
            a.hangUp();
            Wait.until("no_accept again", Duration.ofSeconds(20), () -> nftTable(lab).out().contains(VIP));
            a.terminate();
            assertThat(a.waitFor(Duration.ofSeconds(10))).isZero();
            assertThat(nftTable(lab).ok()).as("the table is deleted at stop").isFalse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void keepalivedDropsTheSamePing() {
        LabAssumptions.assumeNft();
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = lab()) {
            KeepalivedProcess.start(lab, "a", "k1", conf("no_accept"));
            Wait.until("keepalived holds the VIP", Duration.ofSeconds(20), () -> holds(lab, VIP));
            ExecResult r = ping(lab, VIP);
            assertThat(r.ok()).as("ping to keepalived's no_accept VIP: " + r.out()).isFalse();
            assertThat(r.out()).contains(" 0 received");
        }
    }
}
