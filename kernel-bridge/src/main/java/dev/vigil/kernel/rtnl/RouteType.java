package dev.vigil.kernel.rtnl;

/** Route types ({@code RTN_*} in linux/rtnetlink.h), in kernel order. */
public enum RouteType {
    UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT,
    XRESOLVE;

    /** The {@code RTN_*} number. */
    public int value() {
        return ordinal();
    }

    public static RouteType of(int value) {
        RouteType[] all = values();
        return value >= 0 && value < all.length ? all[value] : UNSPEC;
    }
}
