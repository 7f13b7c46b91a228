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
}
