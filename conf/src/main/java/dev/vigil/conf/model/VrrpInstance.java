package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A VRRP instance: one virtual router on one interface (RFC 5798). Nullable components are unset. */
public record VrrpInstance(
        String name,
        @Default("BACKUP") @Doc("Initial state: MASTER or BACKUP.") VrrpState state,
        @Key("interface") @Doc("Interface adverts are sent and received on.") String interfaceName,
        @Range(min = 1, max = 255) @Doc("VRID, 1..255, unique per interface and family.") int virtualRouterId,
        @Default("100") @Range(min = 1, max = 255) @Doc("Priority, 1..255; 255 is the address owner.") int priority,
        @Default("1") @Doc("Seconds between adverts (VRRPv3: a multiple of 0.01).") Duration advertInt,
        @Range(min = 2, max = 3) @Doc("VRRP version; global vrrp_version when unset.") Integer version,
        @Doc("Use IPv6 even before the addresses say so (deprecated in keepalived).") boolean nativeIpv6,
        @Doc("Do not take over from a lower priority master.") boolean nopreempt,
        @Default("0") @Doc("Seconds to wait before preempting, 0..1000.") Duration preemptDelay,
        @Doc(value = "Accept packets to the VIPs when master but not the address owner; without it an nftables table"
                + " (inet vigil) drops them. On unless strict_mode, where only the owner (priority 255) accepts.",
                keepalived = "accept | no_accept")
        Boolean accept,
        @Inline Unicast unicast,
        @Doc(value = "VRRPv2 authentication.", keepalived = "authentication { auth_type T auth_pass P }") Authentication authentication,
        @Doc(value = "Virtual addresses carried in adverts (one family).", keepalived = "virtual_ipaddress { IP[/LEN] [options] ... }")
        List<VirtualAddress> virtualIpaddress,
        @Doc("Virtual addresses not carried in adverts (any family).") List<VirtualAddress> virtualIpaddressExcluded,
        @Doc(value = "Routes set while MASTER.", keepalived = "virtual_routes { ROUTE ... }") List<Route> virtualRoutes,
        @Doc(value = "Policy rules set while MASTER.", keepalived = "virtual_rules { RULE ... }") List<Rule> virtualRules,
        @Inline Tracking tracking,
        @Inline NotifyScripts notifyScripts,
        @Inline GarpSettings garp,
        @Doc(value = "Run on a VRRP virtual MAC (macvlan) interface.", keepalived = "use_vmac [NAME]") boolean useVmac,
        @Doc(value = "Name of the macvlan interface; vrrp.VRID when unset.", keepalived = "use_vmac NAME") String vmacInterface,
        @Doc("Send and receive adverts on the base interface, not the macvlan.") boolean vmacXmitBase,
        @Doc("Set promote_secondaries on the interface.") boolean promoteSecondaries,
        @Doc("Do not check the addresses in received adverts; global vrrp_skip_check_adv_addr when unset.") Boolean skipCheckAdvAddr,
        @Doc("Do not answer a lower priority advert; global vrrp_lower_prio_no_advert when unset.") Boolean lowerPrioNoAdvert,
        @Doc("Send an advert before yielding to a higher priority; global vrrp_higher_prio_send_advert when unset.")
        Boolean higherPrioSendAdvert,
        @Doc("Do not go to FAULT when the interface goes down.") boolean dontTrackPrimary,
        @Doc("Strict RFC compliance for this instance; global vrrp_strict when unset.") Boolean strictMode,
        @Doc("Deprecated: global lvs_sync_daemon with this instance.") String lvsSyncDaemonInterface,
        @Doc(value = "Where the virtual addresses go: type netlink (the default: the kernel's address table), exec (commands) or a plugin's type.", keepalived = "(none)")
        Section vipBackend,
        SourcePosition position) {

    public VrrpInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(advertInt, "advertInt");
        Objects.requireNonNull(unicast, "unicast");
        virtualIpaddress = List.copyOf(virtualIpaddress);
        virtualIpaddressExcluded = List.copyOf(virtualIpaddressExcluded);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
        Objects.requireNonNull(garp, "garp");
    }
}
