package dev.vigil.vrrp.instance;

import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.rtnl.IfAddress;
import java.net.InetAddress;
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
        return text(address.address()) + "/" + address.prefixLength() + " dev " + interfaceName;
    }

    /**
     * An address as {@code ip addr} and keepalived print it: IPv6 compressed (RFC 5952), without the
     * scope suffix Java adds to link-local addresses ({@code fe80::1}, not {@code fe80:0:0:0:0:0:0:1%2}).
     */
    static String text(InetAddress a) {
        return IpAddresses.format(a);
    }
}
