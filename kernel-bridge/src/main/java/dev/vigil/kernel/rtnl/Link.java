package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as rtnetlink reports it.
 *
 * @param index     interface index ({@code ifi_index})
 * @param name      interface name ({@code IFLA_IFNAME})
 * @param flags     {@code IFF_*} flags ({@code ifi_flags}); see {@link #up()}, {@link #running()}, {@link #lowerUp()}
 * @param carrier   {@code IFLA_CARRIER}: the physical link is up
 * @param operState RFC 2863 operational state
 * @param mtu       MTU in bytes
 * @param mac       hardware address as {@code aa:bb:cc:dd:ee:ff}, or {@code null} (e.g. tunnels)
 * @param kind      driver kind from {@code IFLA_INFO_KIND} ({@code veth}, {@code bridge}...), or {@code null}
 * @param master    index of the master device (bridge, bond, VRF), 0 for none
 */
public record Link(int index, String name, int flags, boolean carrier, OperState operState, int mtu, String mac,
                   String kind, int master) {

    public Link {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operState, "operState");
    }

    /** Administratively up ({@code IFF_UP}). */
    public boolean up() {
        return (flags & Rtnl.IFF_UP) != 0;
    }

    /** {@code IFF_RUNNING}: up with carrier, as the kernel's operational view. */
    public boolean running() {
        return (flags & Rtnl.IFF_RUNNING) != 0;
    }

    /** {@code IFF_LOWER_UP}: the driver signals carrier. */
    public boolean lowerUp() {
        return (flags & Rtnl.IFF_LOWER_UP) != 0;
    }

    /** Usable for traffic: administratively up and carrier present. */
    public boolean usable() {
        return up() && carrier();
    }

    /** The hardware address bytes, or {@code null}. */
    public byte[] macBytes() {
        return mac == null || mac.isEmpty() ? null : HexFormat.ofDelimiter(":").parseHex(mac);
    }

    /**
     * The hardware address as an Ethernet MAC (what ARP and VRRP virtual MACs use), or empty for
     * links without one or with another length (tunnels, InfiniBand).
     */
    public Optional<MacAddress> ethernetMac() {
        byte[] b = macBytes();
        return b != null && b.length == 6 ? Optional.of(MacAddress.of(b)) : Optional.empty();
    }

    /** Formats hardware address bytes as {@code aa:bb:...}; {@code null} for null or empty. */
    public static String formatMac(byte[] mac) {
        return mac == null || mac.length == 0 ? null : HexFormat.ofDelimiter(":").formatHex(mac);
    }

    @Override
    public String toString() {
        return name + "(#" + index + (up() ? " up" : " down") + (carrier ? " carrier" : " no-carrier")
                + " " + operState + " mtu " + mtu + (mac == null ? "" : " " + mac)
                + (kind == null ? "" : " " + kind) + (master == 0 ? "" : " master #" + master) + ")";
    }
}
