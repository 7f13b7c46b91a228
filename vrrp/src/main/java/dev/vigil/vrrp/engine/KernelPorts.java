package dev.vigil.vrrp.engine;

import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.kernel.nft.VipFilter;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.vrrp.instance.AddressRecord;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.VipPort;

/**
 * The kernel as the VRRP engine sees it: sockets, address and route tables, announcements and
 * the link monitor, link control and sysctls (for {@code use_vmac}), and the filter of {@code no_accept}. The daemon passes the kernel bridge's real implementations; tests its fakes.
 */
public interface KernelPorts {
    VrrpSocket openSocket(VrrpSocketOptions options);

    AddressTable addresses();

    RouteTable routes();

    ArpSender arp();

    LinkMonitor links();

    /** Creates and deletes VMAC interfaces. */
    LinkControl linkControl();

    /** Per-interface kernel parameters of VMAC interfaces. */
    Sysctl sysctl();

    /** Drops traffic to and from the virtual addresses of instances without accept mode. */
    VipFilter vipFilter();

    /**
     * Where the virtual addresses of {@code spec} go when its {@link InstanceSpec#vipBackend()} is
     * set: a port that carries the changes out off the event loop. The default (and every instance
     * without a VIP backend) uses {@link #addresses()} directly.
     */
    default VipPort vipPort(InstanceSpec spec) {
        throw new IllegalArgumentException("vrrp_instance " + spec.name() + ": no VIP backend '" + spec.vipBackend()
                + "' here");
    }

    /** Told of every virtual address added to or removed from {@link #addresses()}. */
    default AddressRecord addressRecord() {
        return AddressRecord.NONE;
    }
}
