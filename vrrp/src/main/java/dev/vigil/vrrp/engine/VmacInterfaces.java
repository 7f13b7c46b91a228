package dev.vigil.vrrp.engine;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.Macvlan;
import dev.vigil.kernel.rtnl.MacvlanMode;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.VmacLink;
import dev.vigil.vrrp.instance.VmacSpec;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and deletes the macvlan of a {@code use_vmac} instance, as keepalived does: private mode on
 * the instance's interface, with the virtual router MAC of RFC 5798 section 7.3. So that ARP replies
 * for a virtual address come from the virtual MAC, it sets:
 * <ul>
 *   <li>on the macvlan: {@code arp_ignore=1} (answer only for its own addresses, not the base's),
 *       {@code arp_filter=0}, {@code accept_local=1} and {@code rp_filter=0} (it receives what the base
 *       receives, including packets from the node's own addresses), and for an IPv4 instance
 *       {@code disable_ipv6=1}, so that a backup's macvlan never sends (router solicitations, MLD) with
 *       the virtual MAC and misleads the switches;</li>
 *   <li>on the base interface: {@code arp_ignore=1}, so that it no longer answers for the virtual
 *       addresses held by the macvlan with its own MAC, and {@code arp_announce=2}, so that its own ARP
 *       requests (e.g. to answer a client that pinged a virtual address) carry its own address as the
 *       sender, not the virtual one, and do not teach the segment the base MAC for it. Both are left so
 *       at stop.</li>
 * </ul>
 */
final class VmacInterfaces {
    private static final Logger LOG = LoggerFactory.getLogger(VmacInterfaces.class);

    private final LinkControl links;
    private final Sysctl sysctl;

    VmacInterfaces(LinkControl links, Sysctl sysctl) {
        this.links = Objects.requireNonNull(links, "links");
        this.sysctl = Objects.requireNonNull(sysctl, "sysctl");
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
        try {
            configure(spec, v.interfaceName());
            links.setUp(index, true);
        } catch (RuntimeException e) {
            links.ensureAbsent(v.interfaceName());
            throw e;
        }
        LOG.info("({}) created VMAC interface {} ({}) on {}", spec.name(), v.interfaceName(), v.mac(),
                spec.interfaceName());
        return new VmacLink(v.interfaceName(), index, spec.interfaceIndex());
    }

    /** Deletes the macvlan; a failure is logged, not thrown (the instance is stopping anyway). */
    void delete(String instance, VmacLink link) {
        try {
            links.ensureAbsent(link.name());
        } catch (RuntimeException e) {
            LOG.warn("({}) cannot delete VMAC interface {}: {}", instance, link.name(), e.getMessage());
        }
    }

    private void configure(InstanceSpec spec, String vmac) {
        set(spec, Sysctl.ipv4Conf(vmac, "arp_ignore"), "1");
        set(spec, Sysctl.ipv4Conf(vmac, "arp_filter"), "0");
        set(spec, Sysctl.ipv4Conf(vmac, "accept_local"), "1");
        set(spec, Sysctl.ipv4Conf(vmac, "rp_filter"), "0");
        if (spec.family() == IpFamily.V4) {
            set(spec, Sysctl.ipv6Conf(vmac, "disable_ipv6"), "1");
        }
        set(spec, Sysctl.ipv4Conf(spec.interfaceName(), "arp_ignore"), "1");
        set(spec, Sysctl.ipv4Conf(spec.interfaceName(), "arp_announce"), "2");
    }

    private void set(InstanceSpec spec, String key, String value) {
        try {
            sysctl.write(key, value);
        } catch (RuntimeException e) {
            LOG.warn("({}) cannot set {}={}: {}", spec.name(), key, value, e.getMessage());
        }
    }
}
