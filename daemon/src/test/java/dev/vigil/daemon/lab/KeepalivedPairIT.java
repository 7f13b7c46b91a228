package dev.vigil.daemon.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the lab with keepalived as the reference: a VRRPv2 pair with PASS authentication holds a
 * VIP on the higher priority node, moves it when that node's keepalived is killed, and takes it back
 * (preemption) when it returns.
 */
class KeepalivedPairIT {
    private static final String VIP = "10.77.0.50";

    private static String config(String routerId, int priority) {
        return """
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    version 2
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass s3cret
                    }
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(routerId, priority, VIP);
    }

    private static boolean holds(NetLab lab, String node) {
        return lab.addresses(lab.node(node).ns(), "eth0").contains(VIP + "/24");
    }

    private static String neighbourMac(NetLab lab, String node) {
        String line = lab.exec(lab.node(node).ns(), "ip", "neigh", "show", VIP, "dev", "eth0");
        int at = line.indexOf("lladdr ");
        return at < 0 ? "" : line.substring(at + 7).split("\\s+")[0];
    }

    @Test
    void theVipFollowsTheHigherPriorityNode() {
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = LabAssumptions.netLab("vgk")) {
            lab.addNode("a", "10.77.0.1/24", "fd77::1/64");
            lab.addNode("b", "10.77.0.2/24", "fd77::2/64");
            lab.addNode("client", "10.77.0.100/24", "fd77::100/64");
            KeepalivedProcess a = KeepalivedProcess.start(lab, "a", "a1", config("A", 150));
            KeepalivedProcess.start(lab, "b", "b1", config("B", 100));

            Wait.until("VIP on node a (log " + a.logFile() + ")", Duration.ofSeconds(20), () -> holds(lab, "a"));
            assertThat(holds(lab, "b")).isFalse();
            Probe probe = Probe.start(lab, "client", VIP);
            Wait.until("client pings the VIP", Duration.ofSeconds(10), () -> probe.replies() > 10);
            assertThat(neighbourMac(lab, "client")).isEqualTo(lab.mac("a"));

            a.kill9();
            Duration failover = Wait.until("VIP on node b after kill -9 of a", Duration.ofSeconds(15), () -> holds(lab, "b"));
            Wait.until("client steered to b by gratuitous ARP", Duration.ofSeconds(10),
                    () -> neighbourMac(lab, "client").equals(lab.mac("b")));
            System.out.println("keepalived failover after kill -9: " + failover.toMillis() + " ms");

            int before = probe.replies();
            KeepalivedProcess.start(lab, "a", "a2", config("A", 150));
            Wait.until("node a takes the VIP back (preempt)", Duration.ofSeconds(20),
                    () -> holds(lab, "a") && !holds(lab, "b"));
            Wait.until("client steered back to a", Duration.ofSeconds(10),
                    () -> neighbourMac(lab, "client").equals(lab.mac("a")));
            Wait.until("client still reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > before + 10);
            System.out.println("longest ping gap around the preemption: " + probe.longestGap(before).toMillis() + " ms");
        }
    }
}
