package dev.vigil.vrrp.engine;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.rtnl.AddressFlag;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.Macvlan;
import dev.vigil.kernel.rtnl.MacvlanMode;
import dev.vigil.kernel.rtnl.Scope;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.VmacLink;
import dev.vigil.vrrp.instance.VmacSpec;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and deletes the macvlan of a {@code use_vmac} instance, as keepalived does: private mode on
 * the instance's interface, with the virtual router MAC of RFC 5798 section 7.3
 * ({@code 00:00:5e:00:01:VRID} for IPv4, {@code 00:00:5e:00:02:VRID} for IPv6).
 *
 * <p>For an IPv4 instance, so that ARP replies for a virtual address come from the virtual MAC:
 * <ul>
 *   <li>on the macvlan: {@code arp_ignore=1} (answer only for its own addresses, not the base's),
 *       {@code arp_filter=0}, {@code accept_local=1} and {@code rp_filter=0} (it receives what the base
 *       receives, including packets from the node's own addresses), and {@code disable_ipv6=1}, so that
 *       a backup's macvlan never sends (router solicitations, MLD) with the virtual MAC and misleads
 *       the switches;</li>
 *   <li>on the base interface: {@code arp_ignore=1}, so that it no longer answers for the virtual
 *       addresses held by the macvlan with its own MAC, and {@code arp_announce=2}, so that its own ARP
 *       requests (e.g. to answer a client that pinged a virtual address) carry its own address as the
 *       sender, not the virtual one, and do not teach the segment the base MAC for it. The values found
 *       are restored when the last VMAC on the interface goes ({@link BaseSysctls}).</li>
 * </ul>
 *
 * <p>For an IPv6 instance, as keepalived 2.2.7 does: no automatic link-local address on the macvlan
 * ({@code addr_gen_mode=1}, none: one made from the virtual MAC would be the same on every router),
 * and instead the base interface's link-local address, without duplicate address detection, so
 * adverts sent on the macvlan carry the router's usual link-local source. {@code router_solicitations=0}
 * keeps the macvlan from soliciting routers with the virtual MAC (keepalived drops those with an
 * nftables rule).
 */
final class VmacInterfaces {
    private static final Logger LOG = LoggerFactory.getLogger(VmacInterfaces.class);
    /** {@code addr_gen_mode} value {@code IN6_ADDR_GEN_MODE_NONE}: no automatic link-local address. */
    static final String ADDR_GEN_MODE_NONE = "1";

    private final LinkControl links;
    private final Sysctl sysctl;
    private final AddressTable addresses;
    private final BaseSysctls bases;

    VmacInterfaces(LinkControl links, Sysctl sysctl, AddressTable addresses) {
        this.links = Objects.requireNonNull(links, "links");
        this.sysctl = Objects.requireNonNull(sysctl, "sysctl");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.bases = new BaseSysctls(sysctl);
    }

    /**
     * Creates, configures and brings up the macvlan of {@code spec}, replacing one of the same name
     * left by an earlier run (a daemon killed before it could delete it).
     */
    VmacLink create(InstanceSpec spec) {
        VmacSpec v = Objects.requireNonNull(spec.vmac(), "spec.vmac");
        if (links.ensureAbsent(v.interfaceName())) {
            LOG.info("({}) deleted the stale VMAC interface {}", spec.name(), v.interfaceName());
        }
        int index = links.addMacvlan(new Macvlan(v.interfaceName(), spec.interfaceIndex(), v.mac(), MacvlanMode.PRIVATE));
        boolean base = false;
        try {
            if (spec.family() == IpFamily.V4) {
                configureV4(spec, v.interfaceName());
                bases.acquire(spec.name(), spec.interfaceName(), baseValues(spec.interfaceName()));
                base = true;
                links.setUp(index, true);
            } else {
                set(spec, Sysctl.ipv6Conf(v.interfaceName(), "addr_gen_mode"), ADDR_GEN_MODE_NONE);
                set(spec, Sysctl.ipv6Conf(v.interfaceName(), "router_solicitations"), "0");
                links.setUp(index, true);
                linkLocal(spec, index);
            }
        } catch (RuntimeException e) {
            links.ensureAbsent(v.interfaceName());
            if (base) {
                bases.release(spec.name(), spec.interfaceName());
            }
            throw e;
        }
        LOG.info("({}) created VMAC interface {} ({}) on {}", spec.name(), v.interfaceName(), v.mac(),
                spec.interfaceName());
        return new VmacLink(v.interfaceName(), index, spec.interfaceIndex());
    }

    /**
     * Deletes the macvlan, and restores the base interface's parameters when it was the last VMAC of an
     * IPv4 instance there; a failure is logged, not thrown (the instance is stopping anyway).
     */
    void delete(InstanceSpec spec, VmacLink link) {
        try {
            links.ensureAbsent(link.name());
        } catch (RuntimeException e) {
            LOG.warn("({}) cannot delete VMAC interface {}: {}", spec.name(), link.name(), e.getMessage());
        }
        if (spec.family() == IpFamily.V4) {
            bases.release(spec.name(), spec.interfaceName());
        }
    }

    /** The IPv4 parameters a VMAC needs on its base interface. */
    static Map<String, String> baseValues(String base) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Sysctl.ipv4Conf(base, "arp_ignore"), "1");
        m.put(Sysctl.ipv4Conf(base, "arp_announce"), "2");
        return m;
    }

    /** How many VMACs hold the base interface's parameters (for tests). */
    int baseUsers(String base) {
        return bases.users(base);
    }

    private void configureV4(InstanceSpec spec, String vmac) {
        set(spec, Sysctl.ipv4Conf(vmac, "arp_ignore"), "1");
        set(spec, Sysctl.ipv4Conf(vmac, "arp_filter"), "0");
        set(spec, Sysctl.ipv4Conf(vmac, "accept_local"), "1");
        set(spec, Sysctl.ipv4Conf(vmac, "rp_filter"), "0");
        set(spec, Sysctl.ipv6Conf(vmac, "disable_ipv6"), "1");
    }

    /** Puts the base interface's link-local address on the macvlan, without DAD. */
    private void linkLocal(InstanceSpec spec, int vmacIndex) {
        Optional<InetAddress> ll = addresses.list(spec.interfaceIndex()).stream()
                .filter(a -> a.family() == IpFamily.V6).map(IfAddress::address)
                .filter(InetAddress::isLinkLocalAddress).findFirst();
        if (ll.isEmpty()) {
            LOG.warn("({}) {} has no IPv6 link-local address to give VMAC interface {}", spec.name(),
                    spec.interfaceName(), spec.vmac().interfaceName());
            return;
        }
        addresses.ensurePresent(new IfAddress(vmacIndex, ll.get(), 64, null, Scope.LINK, null, Set.of(AddressFlag.NODAD)));
    }

    private void set(InstanceSpec spec, String key, String value) {
        try {
            sysctl.write(key, value);
        } catch (RuntimeException e) {
            LOG.warn("({}) cannot set {}={}: {}", spec.name(), key, value, e.getMessage());
        }
    }
}
