package dev.vigil.kernel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** IPv4 or IPv6: the kernel's address family number, address length and VRRP group. */
public enum IpFamily {
    /** IPv4 ({@code AF_INET}); VRRP group 224.0.0.18 (RFC 5798 section 5.1.1.2, RFC 3768 section 5.2.2). */
    V4(2, new byte[] {(byte) 224, 0, 0, 18}),
    /** IPv6 ({@code AF_INET6}); VRRP group ff02::12 (RFC 5798 section 5.1.2.2). */
    V6(10, new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    /** {@link #values()} once: lookups by number copy no array. */
    private static final IpFamily[] ALL = values();

    private final int af;
    private final InetAddress vrrpGroup;

    IpFamily(int af, byte[] vrrpGroup) {
        this.af = af;
        try {
            this.vrrpGroup = InetAddress.getByAddress(vrrpGroup);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The kernel's {@code AF_*} number. */
    public int af() {
        return af;
    }

    /** Address length in bytes (4 or 16). */
    public int addressLength() {
        return this == V4 ? 4 : 16;
    }

    /** Maximum prefix length (32 or 128). */
    public int maxPrefix() {
        return addressLength() * 8;
    }

    /** The VRRP multicast group of this family. */
    public InetAddress vrrpGroup() {
        return vrrpGroup;
    }

    /** True when {@code address} belongs to this family. */
    public boolean matches(InetAddress address) {
        return of(address) == this;
    }

    /** The family of {@code address} (an {@link Inet6Address} is V6, IPv4-mapped ones too). */
    public static IpFamily of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return address instanceof Inet4Address ? V4 : V6;
    }

    /** The family for an {@code AF_*} number; throws for families other than IPv4/IPv6. */
    public static IpFamily ofAf(int af) {
        for (IpFamily f : ALL) {
            if (f.af == af) {
                return f;
            }
        }
        throw new IllegalArgumentException("not an IP address family: " + af);
    }
}
