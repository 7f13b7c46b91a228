package dev.vigil.kernel.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;

/** The address family of a service or destination: {@code AF_INET} or {@code AF_INET6}. */
public enum IpFamily {
    V4(IpvsConstants.AF_INET, 4),
    V6(IpvsConstants.AF_INET6, 16);

    private final int af;
    private final int addressLength;

    IpFamily(int af, int addressLength) {
        this.af = af;
        this.addressLength = addressLength;
    }

    /** The kernel's {@code AF_*} value. */
    public int af() {
        return af;
    }

    /** Bytes of an address of this family. */
    public int addressLength() {
        return addressLength;
    }

    /** The family of {@code address} ({@link Inet6Address} is V6, also for IPv4-mapped addresses). */
    public static IpFamily of(InetAddress address) {
        return address instanceof Inet6Address ? V6 : V4;
    }

    /** The family with kernel value {@code af}. */
    public static IpFamily ofAf(int af) {
        for (IpFamily f : values()) {
            if (f.af == af) {
                return f;
            }
        }
        throw new IllegalArgumentException("unsupported address family " + af);
    }
}
