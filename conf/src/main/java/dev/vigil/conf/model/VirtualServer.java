package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** An IPVS virtual server: an address and port, a firewall mark, or a virtual_server_group. */
public record VirtualServer(
        @Doc(value = "Address (with port), unless fwmark or group is set.", keepalived = "virtual_server IP PORT") IpAddress ip,
        @Range(min = 0, max = 65535) @Doc("Port.") Integer port,
        @Range(min = 1, max = 4294967295L) @Doc(value = "Firewall mark.", keepalived = "virtual_server fwmark N") Long fwmark,
        @Doc(value = "Name of a virtual_server_group.", keepalived = "virtual_server group NAME") String group,
        @Doc("Family of a fwmark service: inet or inet6.") String ipFamily,
        @Default("TCP") @Doc("TCP, UDP or SCTP.") Protocol protocol,
        @Default("wlc") @Key(aliases = "lb_algo") @Doc(value = "Scheduler: rr, wrr, lc, wlc, lblc, lblcr, dh, sh, mh, sed, nq, fo, ovf, twos.",
                keepalived = "lvs_sched (or lb_algo)") String lvsSched,
        @Default("NAT") @Key(aliases = "lb_kind") @Doc(value = "Forwarding method: NAT, DR or TUN.", keepalived = "lvs_method (or lb_kind)")
        LvsMethod lvsMethod,
        @Key(value = "flag_1", aliases = "flag-1") @Doc(value = "Scheduler flag 1.", keepalived = "flag-1") boolean flag1,
        @Key(value = "flag_2", aliases = "flag-2") @Doc(value = "Scheduler flag 2.", keepalived = "flag-2") boolean flag2,
        @Key(value = "flag_3", aliases = "flag-3") @Doc(value = "Scheduler flag 3.", keepalived = "flag-3") boolean flag3,
        @Key(aliases = "sh-port") @Doc(value = "sh scheduler hashes the port too.", keepalived = "sh-port") boolean shPort,
        @Key(aliases = "sh-fallback") @Doc(value = "sh scheduler falls back to another server.", keepalived = "sh-fallback") boolean shFallback,
        @Key(aliases = "mh-port") @Doc(value = "mh scheduler hashes the port too.", keepalived = "mh-port") boolean mhPort,
        @Key(aliases = "mh-fallback") @Doc(value = "mh scheduler falls back to another server.", keepalived = "mh-fallback") boolean mhFallback,
        @Doc("One-packet scheduling (UDP).") boolean ops,
        @Range(min = 1, max = 2147483) @Flag("360") @Doc("Persistence timeout, seconds (360 when written without a value).")
        Integer persistenceTimeout,
        @Doc("Persistence netmask.") String persistenceGranularity,
        @Doc("Persistence engine (sip).") String persistenceEngine,
        @Doc("Suspend checks while the virtual address is not on this machine.") boolean haSuspend,
        @Doc("Host header for HTTP_GET / SSL_GET.") String virtualhost,
        @Doc("Start with every real server down.") boolean alpha,
        @Doc("Run quorum_down and notify_down scripts at stop.") boolean omega,
        @Default("1") @Range(min = 1, max = 2147483647) @Doc("Smallest total weight of live servers for the service to be up.") int quorum,
        @Default("0") @Range(min = 0, max = 2147483647) @Doc("Hysteresis around the quorum.") int hysteresis,
        @Doc("Run when the quorum is reached.") String quorumUp,
        @Doc("Run when the quorum is lost.") String quorumDown,
        @Doc(value = "Server used while the quorum is lost.", keepalived = "sorry_server IP [PORT]") SorryServer sorryServer,
        @Doc("Apply inhibit_on_failure to the sorry server.") boolean sorryServerInhibit,
        @Doc("Forwarding method of the sorry server.") LvsMethod sorryServerLvsMethod,
        @Doc("Set the weight to 0 instead of removing failed real servers.") boolean inhibitOnFailure,
        @Doc("Send e-mail alerts on quorum changes.") Boolean smtpAlert,
        @Inline CheckSettings check,
        @Doc(value = "Real servers.", keepalived = "real_server IP [PORT] { ... }") List<RealServer> realServer,
        SourcePosition position) {

    public VirtualServer {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(lvsSched, "lvsSched");
        Objects.requireNonNull(lvsMethod, "lvsMethod");
        Objects.requireNonNull(check, "check");
        realServer = List.copyOf(realServer);
    }
}
