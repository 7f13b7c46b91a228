package dev.vigil.vrrp.instance;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.rtnl.Route;
import dev.vigil.kernel.rtnl.Rule;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.packet.AuthType;
import dev.vigil.vrrp.packet.TtlRange;
import dev.vigil.vrrp.track.Tracked;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one VRRP instance runs with, resolved from the configuration (interfaces named and
 * indexed, addresses parsed, global defaults applied). Two equal specs describe the same running
 * instance: a reload that leaves the spec equal leaves the instance alone.
 *
 * @param name                 instance name ({@code vrrp_instance NAME})
 * @param interfaceName        interface adverts go out of and come in on
 * @param interfaceIndex       its index
 * @param family               IPv4 or IPv6 adverts
 * @param version              2 or 3 (IPv6: 3)
 * @param vrid                 virtual router id 1..255
 * @param priority             configured priority 1..255
 * @param advertIntervalCentis advert interval in centiseconds (v2: whole seconds * 100)
 * @param preempt              false for {@code nopreempt}
 * @param preemptDelay         keepalived's {@code preempt_delay}
 * @param startAsMaster        {@code state MASTER}
 * @param authType             v2 authentication ({@link AuthType#NONE} for v3)
 * @param authPass             v2 PASS password, or null
 * @param vips                 virtual addresses (in adverts first, then excluded ones)
 * @param routes               {@code virtual_routes}, present only while master
 * @param rules                {@code virtual_rules}, present only while master
 * @param sourceAddress        mcast_src_ip / unicast_src_ip, or null for the kernel's choice
 * @param unicastPeers         unicast peers; empty means multicast
 * @param unicastTtl           TTL of unicast adverts
 * @param checkUnicastSrc      drop adverts from sources that are not peers
 * @param garp                 gratuitous ARP / NA policy
 * @param skipCheckAdvAddr     do not compare the addresses in received adverts
 * @param lowerPrioNoAdvert    a master does not answer a lower priority advert
 * @param higherPrioSendAdvert a master sends one advert before yielding to a higher priority
 * @param strict               vrrp_strict
 * @param trackPrimary         go to FAULT when the interface is down (false: dont_track_primary)
 * @param tracked              track_interface / track_script / track_file / track_process entries
 * @param notifyCommands             notify scripts
 * @param notifyTimeout        how long a notify script may run
 * @param vmac                 {@code use_vmac}, or null to run on the interface itself
 * @param peerTtls             {@code unicast_peer} TTL ranges ({@code min_ttl} / {@code max_ttl})
 * @param accept               accept mode (RFC 5798 section 6.1): false ({@code no_accept}) makes a master that
 *                             is not the address owner drop packets to and from its virtual addresses
 * @param vipBackend           the VIP backend placing the virtual addresses, by identity (its type and
 *                             settings, so that a changed backend restarts the instance), or null for
 *                             the kernel's address table itself (netlink, the default)
 */
public record InstanceSpec(String name, String interfaceName, int interfaceIndex, IpFamily family, int version,
                           int vrid, int priority, int advertIntervalCentis, boolean preempt, Duration preemptDelay,
                           boolean startAsMaster, AuthType authType, String authPass, List<Vip> vips,
                           List<Route> routes, List<Rule> rules, InetAddress sourceAddress,
                           List<InetAddress> unicastPeers, int unicastTtl, boolean checkUnicastSrc, GarpPolicy garp,
                           boolean skipCheckAdvAddr, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                           boolean strict, boolean trackPrimary, List<TrackBinding> tracked, NotifyCommands notifyCommands,
                           Duration notifyTimeout, VmacSpec vmac, List<TtlRange> peerTtls, boolean accept,
                           String vipBackend) {
    public InstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(preemptDelay, "preemptDelay");
        Objects.requireNonNull(authType, "authType");
        vips = List.copyOf(vips);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        unicastPeers = List.copyOf(unicastPeers);
        peerTtls = List.copyOf(peerTtls);
        Objects.requireNonNull(garp, "garp");
        tracked = List.copyOf(tracked);
        Objects.requireNonNull(notifyCommands, "notifyCommands");
        Objects.requireNonNull(notifyTimeout, "notifyTimeout");
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("vrid must be 1..255: " + vrid);
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority must be 1..255: " + priority);
        }
        if (version != 2 && version != 3 || family == IpFamily.V6 && version != 3) {
            throw new IllegalArgumentException("version " + version + " with " + family);
        }
    }

    /** A spec without {@code use_vmac}. */
    public InstanceSpec(String name, String interfaceName, int interfaceIndex, IpFamily family, int version,
                        int vrid, int priority, int advertIntervalCentis, boolean preempt, Duration preemptDelay,
                        boolean startAsMaster, AuthType authType, String authPass, List<Vip> vips,
                        List<Route> routes, List<Rule> rules, InetAddress sourceAddress,
                        List<InetAddress> unicastPeers, int unicastTtl, boolean checkUnicastSrc, GarpPolicy garp,
                        boolean skipCheckAdvAddr, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                        boolean strict, boolean trackPrimary, List<TrackBinding> tracked,
                        NotifyCommands notifyCommands, Duration notifyTimeout) {
        this(name, interfaceName, interfaceIndex, family, version, vrid, priority, advertIntervalCentis, preempt,
                preemptDelay, startAsMaster, authType, authPass, vips, routes, rules, sourceAddress, unicastPeers,
                unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr, lowerPrioNoAdvert, higherPrioSendAdvert, strict,
                trackPrimary, tracked, notifyCommands, notifyTimeout, null, List.of(), true, null);
    }

    /** The same spec with {@code use_vmac} set ({@code vmac} not null) or cleared. */
    public InstanceSpec withVmac(VmacSpec newVmac) {
        return new InstanceSpec(name, interfaceName, interfaceIndex, family, version, vrid, priority,
                advertIntervalCentis, preempt, preemptDelay, startAsMaster, authType, authPass, vips, routes, rules,
                sourceAddress, unicastPeers, unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr, lowerPrioNoAdvert,
                higherPrioSendAdvert, strict, trackPrimary, tracked, notifyCommands, notifyTimeout, newVmac, peerTtls, accept, vipBackend);
    }

    /** The same spec with accept mode on or off. */
    public InstanceSpec withAccept(boolean newAccept) {
        return new InstanceSpec(name, interfaceName, interfaceIndex, family, version, vrid, priority,
                advertIntervalCentis, preempt, preemptDelay, startAsMaster, authType, authPass, vips, routes, rules,
                sourceAddress, unicastPeers, unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr, lowerPrioNoAdvert,
                higherPrioSendAdvert, strict, trackPrimary, tracked, notifyCommands, notifyTimeout, vmac, peerTtls,
                newAccept, vipBackend);
    }

    /** True when a master must drop traffic to and from its virtual addresses: not the owner, without accept. */
    public boolean filtersVips() {
        return !accept && priority != 255;
    }

    /** The same spec with another VIP backend (null: the kernel's address table). */
    public InstanceSpec withVipBackend(String newVipBackend) {
        return new InstanceSpec(name, interfaceName, interfaceIndex, family, version, vrid, priority,
                advertIntervalCentis, preempt, preemptDelay, startAsMaster, authType, authPass, vips, routes, rules,
                sourceAddress, unicastPeers, unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr, lowerPrioNoAdvert,
                higherPrioSendAdvert, strict, trackPrimary, tracked, notifyCommands, notifyTimeout, vmac, peerTtls, accept,
                newVipBackend);
    }

    /** The addresses carried in adverts. */
    public List<InetAddress> advertAddresses() {
        return vips.stream().filter(Vip::inAdvert).map(v -> v.address().address()).toList();
    }

    /** True when adverts go to unicast peers rather than the multicast group. */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** The same spec with another configured priority (a reload that changes only the priority). */
    public InstanceSpec withPriority(int newPriority) {
        return new InstanceSpec(name, interfaceName, interfaceIndex, family, version, vrid, newPriority,
                advertIntervalCentis, preempt, preemptDelay, startAsMaster, authType, authPass, vips, routes, rules,
                sourceAddress, unicastPeers, unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr, lowerPrioNoAdvert,
                higherPrioSendAdvert, strict, trackPrimary, tracked, notifyCommands, notifyTimeout, vmac, peerTtls, accept, vipBackend);
    }

    /** The same spec with other addresses, routes and rules (a reload that changes only those). */
    public InstanceSpec withAddresses(List<Vip> newVips, List<Route> newRoutes, List<Rule> newRules) {
        return new InstanceSpec(name, interfaceName, interfaceIndex, family, version, vrid, priority,
                advertIntervalCentis, preempt, preemptDelay, startAsMaster, authType, authPass, newVips, newRoutes,
                newRules, sourceAddress, unicastPeers, unicastTtl, checkUnicastSrc, garp, skipCheckAdvAddr,
                lowerPrioNoAdvert, higherPrioSendAdvert, strict, trackPrimary, tracked, notifyCommands, notifyTimeout, vmac, peerTtls, accept, vipBackend);
    }

    /**
     * One tracked object of this instance: its kind ({@code interface}, {@code script}, {@code file},
     * {@code process}), name, this instance's weight ({@link #OBJECT_WEIGHT}: the object's own) and
     * direction.
     */
    public record TrackBinding(String kind, String name, int weight, boolean reverse) {
        /** The weight of a reference that gives none: the tracked object's own weight applies. */
        public static final int OBJECT_WEIGHT = Integer.MIN_VALUE;

        public TrackBinding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }
}
