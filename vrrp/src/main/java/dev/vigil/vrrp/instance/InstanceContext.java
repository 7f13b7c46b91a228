package dev.vigil.vrrp.instance;

import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.vrrp.time.Scheduler;
import java.util.Objects;

/**
 * What a running instance works with: its event loop, its socket (already open on the instance's
 * interface) and the kernel tables it changes. The real ones come from the kernel bridge; tests
 * pass its in-memory fakes.
 *
 * @param loop      the event loop every handler of the instance runs on
 * @param socket    the instance's VRRP socket
 * @param addresses where virtual addresses are added and removed
 * @param routes    where virtual routes and rules are added and removed
 * @param arp       gratuitous ARP / unsolicited NA sender
 * @param listener  told of every state change, on the loop; must not block
 * @param vmac      the instance's VMAC interface ({@code use_vmac}), or null
 * @param vipPort   where virtual addresses go instead of {@code addresses} (a non-netlink VIP
 *                  backend), or null for the kernel's address table itself
 * @param record    told of every virtual address added to or removed from {@code addresses}
 */
public record InstanceContext(Scheduler loop, VrrpSocket socket, AddressTable addresses, RouteTable routes,
                              ArpSender arp, InstanceListener listener, VmacLink vmac, VipPort vipPort,
                              AddressRecord record) {
    public InstanceContext {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(arp, "arp");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(record, "record");
    }

    /** A context placing addresses in the kernel's address table, without a record of them. */
    public InstanceContext(Scheduler loop, VrrpSocket socket, AddressTable addresses, RouteTable routes,
                           ArpSender arp, InstanceListener listener, VmacLink vmac) {
        this(loop, socket, addresses, routes, arp, listener, vmac, null, AddressRecord.NONE);
    }

    /** A context without a VMAC interface. */
    public InstanceContext(Scheduler loop, VrrpSocket socket, AddressTable addresses, RouteTable routes,
                           ArpSender arp, InstanceListener listener) {
        this(loop, socket, addresses, routes, arp, listener, null);
    }

    /** {@code vip} where it goes: on the VMAC interface when there is one and it was on the base interface. */
    public Vip place(Vip vip) {
        return vmac == null ? vip : vmac.place(vip);
    }
}
