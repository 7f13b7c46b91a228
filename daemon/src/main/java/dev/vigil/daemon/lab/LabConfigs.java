package dev.vigil.daemon.lab;

import java.util.Objects;

/**
 * The configuration files {@code vigil lab} writes for its two load-balancer nodes: YAML (as in
 * {@code conf/examples}) or keepalived.conf, one VRRPv3 instance (RFC 5798) holding the VIP and,
 * when the kernel has IPVS, an LVS-DR virtual server on it with the real servers (TCP_CHECK each in
 * the interactive lab).
 */
public final class LabConfigs {
    /** The lab's addresses, in TEST-NET-1 (RFC 5737): nothing outside the lab's namespaces uses them. */
    public static final String SUBNET = "192.0.2.";
    public static final String VIP = SUBNET + "50";
    public static final int VRID = 51;
    /** Advertisement interval: 0.5 s, so a backup takes over about 1.5 s after the master falls silent. */
    public static final String ADVERT_INT = "0.5";
    public static final int HTTP_PORT = 80;

    /**
     * One node's settings.
     *
     * @param routerId    the node's name (router_id)
     * @param priority    its VRRP priority
     * @param realServers the real servers' addresses, or empty for no virtual server
     */
    public record Node(String routerId, int priority, java.util.List<String> realServers, boolean checks) {
        public Node {
            Objects.requireNonNull(routerId, "routerId");
            realServers = java.util.List.copyOf(realServers);
        }

        /** Real servers without health checks. */
        public Node(String routerId, int priority, java.util.List<String> realServers) {
            this(routerId, priority, realServers, false);
        }
    }

    private LabConfigs() {
    }

    /** The node's configuration as YAML. */
    public static String yaml(Node node) {
        StringBuilder b = new StringBuilder("""
                # vigil lab: %s, one VRRPv3 instance holding the VIP%s
                global_defs:
                  router_id: %s

                vrrp_instance:
                  VI_LAB:
                    state: BACKUP
                    interface: eth0
                    virtual_router_id: %d
                    version: 3
                    priority: %d
                    advert_int: %s
                    virtual_ipaddress:
                      - %s/24
                """.formatted(node.routerId(), node.realServers().isEmpty() ? "" : " and an LVS-DR virtual server",
                node.routerId(), VRID, node.priority(), ADVERT_INT, VIP));
        if (!node.realServers().isEmpty()) {
            b.append("""

                    virtual_server:
                      - ip: %s
                        port: %d
                        protocol: TCP
                        lvs_sched: rr
                        lvs_method: DR
                        delay_loop: 1
                        real_server:
                    """.formatted(VIP, HTTP_PORT));
            node.realServers().forEach(rs -> {
                b.append("          - ip: ").append(rs).append('\n').append("            port: ").append(HTTP_PORT).append('\n');
                if (node.checks()) {
                    b.append("            checkers:\n              - type: TCP_CHECK\n                connect_timeout: 1\n")
                            .append("                retry: 0\n");
                }
            });
        }
        return b.toString();
    }

    /** The node's configuration as keepalived.conf (which both keepalived and {@code vigil run -f} read). */
    public static String keepalivedConf(Node node) {
        StringBuilder b = new StringBuilder("""
                # vigil lab: %s
                global_defs {
                    router_id %s
                }
                vrrp_instance VI_LAB {
                    state BACKUP
                    interface eth0
                    virtual_router_id %d
                    version 3
                    priority %d
                    advert_int %s
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(node.routerId(), node.routerId(), VRID, node.priority(), ADVERT_INT, VIP));
        if (!node.realServers().isEmpty()) {
            b.append("virtual_server ").append(VIP).append(' ').append(HTTP_PORT).append(" {\n")
                    .append("    lvs_sched rr\n    lvs_method DR\n    protocol TCP\n    delay_loop 1\n");
            node.realServers().forEach(rs -> b.append("    real_server ").append(rs).append(' ').append(HTTP_PORT)
                    .append(node.checks() ? " {\n        TCP_CHECK {\n            connect_timeout 1\n            retry 0\n        }\n    }\n"
                            : " {\n    }\n"));
            b.append("}\n");
        }
        return b.toString();
    }
}
