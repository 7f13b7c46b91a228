package dev.vigil.kernel.vrrp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** The address family a VRRP socket speaks, with its VRRP multicast group. */
public enum IpFamily {
    /** IPv4; group 224.0.0.18 (RFC 5798 section 5.1.1.2, RFC 3768 section 5.2.2). */
    V4(new byte[] {(byte) 224, 0, 0, 18}),
    /** IPv6; group ff02::12 (RFC 5798 section 5.1.2.2). */
    V6(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private final InetAddress group;

    IpFamily(byte[] group) {
        try {
            this.group = InetAddress.getByAddress(group);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The VRRP multicast group of this family. */
    public InetAddress vrrpGroup() {
        return group;
    }

    /** True when {@code address} belongs to this family. */
    public boolean matches(InetAddress address) {
        return this == V4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    /** The family of {@code address}. */
    public static IpFamily of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return address instanceof Inet4Address ? V4 : V6;
    }
}
