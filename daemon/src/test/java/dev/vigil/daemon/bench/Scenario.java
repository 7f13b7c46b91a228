package dev.vigil.daemon.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * One VRRP configuration the benchmark times: the same keepalived.conf text for both contenders,
 * node {@code a} the master ({@code state MASTER}) and node {@code b} the backup.
 *
 * @param name           short label printed in the table
 * @param version        VRRP version, 2 (RFC 3768) or 3 (RFC 5798)
 * @param advertInt      {@code advert_int} as written in the configuration (seconds)
 * @param masterPriority priority of node {@code a}
 * @param backupPriority priority of node {@code b}
 */
public record Scenario(String name, int version, String advertInt, int masterPriority, int backupPriority) {
    /** The VIP both pairs hold. */
    public static final String VIP = "10.79.0.50";

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advertInt, "advertInt");
    }

    /** (a) of issue 3: VRRPv2, advert_int 1, priorities 150/100. */
    public static Scenario v2() {
        return new Scenario("v2 advert_int 1, prio 150/100", 2, "1", 150, 100);
    }

    /**
     * (b) of issue 3: VRRPv3, advert_int 0.1, backup priority 254; keepalived 2.2.7 accepts priority
     * 255 on a node that does not own the VIP (and then starts as master at once), so the master has 255.
     */
    public static Scenario v3() {
        return new Scenario("v3 advert_int 0.1, prio 255/254", 3, "0.1", 255, 254);
    }

    /** The advertisement interval. */
    public Duration advertInterval() {
        return Duration.ofMillis(Math.round(Double.parseDouble(advertInt) * 1000));
    }

    /** The keepalived.conf of the master ({@code master} true, node a) or of the backup (node b). */
    public String config(boolean master) {
        return """
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_1 {
                    state %s
                    interface eth0
                    virtual_router_id 79
                    version %d
                    priority %d
                    advert_int %s
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(master ? "A" : "B", master ? "MASTER" : "BACKUP", version,
                master ? masterPriority : backupPriority, advertInt, VIP);
    }
}
