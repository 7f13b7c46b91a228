package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;
import java.util.List;

/** Daemon-wide settings ({@code global_defs}); nullable components are unset. */
public record GlobalDefs(
        @Doc("Name of this machine in notifications; the host name when unset.") String routerId,
        @Doc(value = "Recipients of e-mail alerts.", keepalived = "notification_email { ADDRESS ... }") List<String> notificationEmail,
        @Doc("Sender of e-mail alerts.") String notificationEmailFrom,
        @Doc(value = "SMTP server (address or host name) for e-mail alerts.", keepalived = "smtp_server HOST [PORT]") String smtpServer,
        @Default("25") @Range(min = 1, max = 65535) @Doc(value = "SMTP server port.", keepalived = "smtp_server HOST PORT") int smtpPort,
        @Doc("Name sent in HELO; router_id when unset.") String smtpHeloName,
        @Default("30") @Doc("SMTP connect timeout, seconds.") Duration smtpConnectTimeout,
        @Doc("Send e-mail alerts for every state change.") boolean smtpAlert,
        @Doc("Send e-mail alerts for VRRP state changes; smtp_alert when unset.") Boolean smtpAlertVrrp,
        @Doc("Send e-mail alerts for checker state changes; smtp_alert when unset.") Boolean smtpAlertChecker,
        @Doc(value = "FIFO (or file) that gets a line for every VRRP state change and every real server and quorum change.",
                keepalived = "notify_fifo PATH")
        String notifyFifo,
        @Doc(value = "FIFO (or file) that gets a line for every VRRP state change.", keepalived = "vrrp_notify_fifo PATH")
        String vrrpNotifyFifo,
        @Doc(value = "FIFO (or file) that gets a line for every real server and quorum change.", keepalived = "lvs_notify_fifo PATH")
        String lvsNotifyFifo,
        @Doc("Strict RFC compliance for every instance: authentication, preempt_delay, state MASTER below priority 255,"
                + " accept with VRRPv2, higher_prio_send_advert and vmac_xmit_base are reset with a warning, and only the"
                + " address owner accepts packets to its VIPs unless accept is set.") boolean vrrpStrict,
        @Default("2") @Range(min = 2, max = 3) @Doc("Default VRRP version of instances.") int vrrpVersion,
        @Default("224.0.0.18") @Doc("IPv4 multicast group of adverts.") IpAddress vrrpMcastGroup4,
        @Default("ff02::12") @Doc("IPv6 multicast group of adverts.") IpAddress vrrpMcastGroup6,
        @Default("5") @Doc("Delay before the second burst of gratuitous ARPs after becoming master, seconds.")
        Duration vrrpGarpMasterDelay,
        @Default("5") @Range(min = 0, max = 255) @Doc("Gratuitous ARPs sent in each burst.") int vrrpGarpMasterRepeat,
        @Default("0") @Doc("Interval of periodic gratuitous ARPs while master, seconds (0: none).") Duration vrrpGarpMasterRefresh,
        @Default("1") @Range(min = 1, max = 255) @Doc("Gratuitous ARPs sent at each refresh.") int vrrpGarpMasterRefreshRepeat,
        @Doc("Delay of gratuitous ARPs after a lower priority advert; vrrp_garp_master_delay when unset.")
        Duration vrrpGarpLowerPrioDelay,
        @Range(min = 0, max = 255) @Doc("Gratuitous ARPs after a lower priority advert; vrrp_garp_master_repeat when unset.")
        Integer vrrpGarpLowerPrioRepeat,
        @Default("0") @Doc("Delay between gratuitous ARPs, seconds.") Duration vrrpGarpInterval,
        @Default("0") @Doc("Delay between unsolicited neighbour advertisements, seconds.") Duration vrrpGnaInterval,
        @Key(aliases = "vrrp_lower_priority_dont_send_advert") @Doc("Default of lower_prio_no_advert.")
        boolean vrrpLowerPrioNoAdvert,
        @Doc("Default of higher_prio_send_advert.") boolean vrrpHigherPrioSendAdvert,
        @Doc("Default of skip_check_adv_addr.") boolean vrrpSkipCheckAdvAddr,
        @Doc("Default of check_unicast_src.") boolean vrrpCheckUnicastSrc,
        @Doc("Refuse scripts that a non-root user could change.") boolean enableScriptSecurity,
        @Doc(value = "User (and group) scripts run as; keepalived_script or root when unset.", keepalived = "script_user USER [GROUP]")
        String scriptUser,
        @Doc(value = "IPVS connection timeouts.", keepalived = "lvs_timeouts [tcp N] [tcpfin N] [udp N]") LvsTimeouts lvsTimeouts,
        @Doc(value = "IPVS connection synchronisation daemon.", keepalived = "lvs_sync_daemon IF INSTANCE [id N] [maxlen N] [port N] [ttl N] [group IP]")
        LvsSyncDaemon lvsSyncDaemon,
        @Doc("Remove every IPVS virtual server at start.") boolean lvsFlush,
        @Doc("Remove the configured IPVS virtual servers at stop.") boolean lvsFlushOnstop,
        @Doc("Network namespace the daemon runs in.") String netNamespace,
        @Doc("Allow interfaces that do not exist at start.") boolean dynamicInterfaces,
        @Doc("Set net.ipv4.igmp_link_local_mcast_reports to 0 while running: no IGMP reports for 224.0.0.0/24"
                + " groups (from a VMAC they would move the virtual MAC on switches).") boolean disableLocalIgmp,
        SourcePosition position) {

    public GlobalDefs {
        notificationEmail = List.copyOf(notificationEmail);
    }
}
