package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.kernel.arp.PacketArpSender;
import dev.vigil.kernel.nft.NftVipFilter;
import dev.vigil.kernel.nft.VipFilter;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.NetlinkLinkControl;
import dev.vigil.kernel.sysctl.ProcSysctl;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.kernel.rtnl.NetlinkAddressTable;
import dev.vigil.kernel.rtnl.NetlinkLinkMonitor;
import dev.vigil.kernel.rtnl.NetlinkRouteTable;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.vrrp.RawVrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.vrrp.engine.KernelPorts;

/** The kernel bridge's real implementations, opened in the namespace the daemon runs in. */
final class RealKernelPorts implements KernelPorts, AutoCloseable {
    private final NetlinkAddressTable addresses;
    private final NetlinkRouteTable routes;
    private final PacketArpSender arp;
    private final NetlinkLinkMonitor links;
    private final NetlinkLinkControl linkControl;
    private final ProcSysctl sysctl = new ProcSysctl();
    private final NftVipFilter vipFilter = NftVipFilter.create();

    private RealKernelPorts(NetlinkAddressTable addresses, NetlinkRouteTable routes, PacketArpSender arp,
                            NetlinkLinkMonitor links, NetlinkLinkControl linkControl) {
        this.addresses = addresses;
        this.routes = routes;
        this.arp = arp;
        this.links = links;
        this.linkControl = linkControl;
    }

    static RealKernelPorts open() {
        NetlinkLinkMonitor links = NetlinkLinkMonitor.open();
        return new RealKernelPorts(NetlinkAddressTable.open(), NetlinkRouteTable.open(), PacketArpSender.open(), links,
                NetlinkLinkControl.open());
    }

    @Override
    public VrrpSocket openSocket(VrrpSocketOptions options) {
        return RawVrrpSocket.open(options);
    }

    @Override
    public AddressTable addresses() {
        return addresses;
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public ArpSender arp() {
        return arp;
    }

    @Override
    public LinkMonitor links() {
        return links;
    }

    @Override
    public LinkControl linkControl() {
        return linkControl;
    }

    @Override
    public Sysctl sysctl() {
        return sysctl;
    }

    @Override
    public VipFilter vipFilter() {
        return vipFilter;
    }

    @Override
    public void close() {
        try {
            vipFilter.close();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RealKernelPorts.class).warn("cannot remove the no_accept rules: {}",
                    e.getMessage());
        }
        linkControl.close();
        links.close();
        arp.close();
        routes.close();
        addresses.close();
    }
}
