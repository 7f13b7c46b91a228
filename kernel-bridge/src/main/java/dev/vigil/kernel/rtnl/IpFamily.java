package dev.vigil.kernel.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IPv4 or IPv6, with the address family number the kernel uses. */
public enum IpFamily {
    INET(Rtnl.AF_INET, 4),
    INET6(Rtnl.AF_INET6, 16);

    private final int af;
    private final int addressLength;

    IpFamily(int af, int addressLength) {
        this.af = af;
        this.addressLength = addressLength;
    }

    /** The {@code AF_*} number. */
    public int af() {
        return af;
    }

    /** Address length in bytes (4 or 16). */
    public int addressLength() {
        return addressLength;
    }

    /** Maximum prefix length (32 or 128). */
    public int maxPrefix() {
        return addressLength * 8;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    /** The family for an {@code AF_*} number; throws for families other than IPv4/IPv6. */
    public static IpFamily ofAf(int af) {
        return switch (af) {
            case Rtnl.AF_INET -> INET;
            case Rtnl.AF_INET6 -> INET6;
            default -> throw new IllegalArgumentException("not an IP address family: " + af);
        };
    }
}
