package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.arp.MacAddress;
import java.util.Objects;

/**
 * A macvlan link to create: {@code ip link add link BASE name NAME address MAC type macvlan mode MODE}.
 *
 * @param name      the new interface's name (at most 15 bytes)
 * @param baseIndex index of the lower device ({@code IFLA_LINK})
 * @param mac       the new interface's MAC address ({@code IFLA_ADDRESS})
 * @param mode      the macvlan mode ({@code IFLA_MACVLAN_MODE})
 */
public record Macvlan(String name, int baseIndex, MacAddress mac, MacvlanMode mode) {
    /** Longest interface name the kernel accepts ({@code IFNAMSIZ - 1}). */
    public static final int MAX_NAME = 15;

    public Macvlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(mode, "mode");
        if (name.isEmpty() || name.length() > MAX_NAME || name.contains("/") || name.contains(" ")) {
            throw new IllegalArgumentException("not an interface name: '" + name + "'");
        }
        if (baseIndex <= 0) {
            throw new IllegalArgumentException("base interface index must be positive: " + baseIndex);
        }
    }
}
