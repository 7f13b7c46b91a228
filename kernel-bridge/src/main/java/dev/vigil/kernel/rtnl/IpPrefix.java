package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP network prefix such as {@code 10.2.0.0/16}. Host bits are cleared, so
 * {@code 10.2.3.4/16} and {@code 10.2.0.0/16} are the same prefix.
 */
public record IpPrefix(InetAddress address, int length) {

    public IpPrefix {
        Objects.requireNonNull(address, "address");
        int max = IpFamily.of(address).maxPrefix();
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of 0.." + max);
        }
        address = network(address, length);
    }

    /** Parses {@code ADDRESS/LEN} or a bare address (a host prefix, /32 or /128). */
    public static IpPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        InetAddress a = Addresses.parse(slash < 0 ? text : text.substring(0, slash));
        int len = slash < 0 ? IpFamily.of(a).maxPrefix() : Integer.parseInt(text.substring(slash + 1));
        return new IpPrefix(a, len);
    }

    /** The default route prefix of a family: {@code 0.0.0.0/0} or {@code ::/0}. */
    public static IpPrefix any(IpFamily family) {
        return new IpPrefix(Addresses.zero(family), 0);
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** True when {@code a} (of the same family) lies in this prefix. */
    public boolean contains(InetAddress a) {
        return IpFamily.of(a) == family() && network(a, length).equals(address);
    }

    private static InetAddress network(InetAddress a, int length) {
        byte[] b = a.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
