package dev.vigil.vrrp.instance;

import dev.vigil.kernel.rtnl.IfAddress;
import java.util.Objects;

/**
 * A created VMAC interface: virtual addresses configured on its base interface go on it instead,
 * and are announced from it, with the virtual MAC.
 *
 * @param name      the macvlan's name
 * @param index     its interface index
 * @param baseIndex the index of the interface it was created on
 */
public record VmacLink(String name, int index, int baseIndex) {
    public VmacLink {
        Objects.requireNonNull(name, "name");
    }

    /**
     * {@code vip} moved onto this interface when it was on the base interface; otherwise (a VIP with
     * its own {@code dev}) unchanged. An IPv4 label that does not start with the macvlan's name is
     * dropped, since a label must name the interface it is on.
     */
    public Vip place(Vip vip) {
        IfAddress a = vip.address();
        if (a.ifindex() != baseIndex) {
            return vip;
        }
        String label = a.label() != null && a.label().startsWith(name) ? a.label() : null;
        IfAddress moved = new IfAddress(index, a.address(), a.prefixLength(), label, a.scope(), a.broadcast(),
                a.flags());
        return new Vip(moved, name, vip.inAdvert());
    }
}
