package dev.vigil.vrrp.instance;

import dev.vigil.kernel.rtnl.IfAddress;
import java.util.Objects;

/**
 * A virtual address of an instance, resolved to its interface.
 *
 * @param address       the address as it is added (interface index, prefix, label, scope, broadcast)
 * @param interfaceName the interface's name, for gratuitous ARP / neighbour advertisements
 * @param inAdvert      carried in adverts ({@code virtual_ipaddress}); false for
 *                      {@code virtual_ipaddress_excluded}
 */
public record Vip(IfAddress address, String interfaceName, boolean inAdvert) {
    public Vip {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    @Override
    public String toString() {
        return address.address().getHostAddress() + "/" + address.prefixLength() + " dev " + interfaceName;
    }
}
