package dev.vigil.kernel.arp;

import java.net.Inet6Address;

/** The Internet checksum (RFC 1071) and its IPv6 pseudo-header form (RFC 8200 section 8.1). */
public final class InetChecksum {
    private InetChecksum() {
    }

    /** Adds {@code b[off..off+len)} as big-endian 16-bit words to {@code sum}, without folding. */
    static long add(long sum, byte[] b, int off, int len) {
        long s = sum;
        int i = off;
        for (; i + 1 < off + len; i += 2) {
            s += (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
        }
        if (i < off + len) {
            s += (b[i] & 0xff) << 8;
        }
        return s;
    }

    /** Folds carries and complements: the value to put in a checksum field. */
    static int finish(long sum) {
        long s = sum;
        while (s >>> 16 != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) ~s & 0xffff;
    }

    /** The checksum of {@code b[off..off+len)}. */
    public static int of(byte[] b, int off, int len) {
        return finish(add(0, b, off, len));
    }

    /**
     * The checksum of an upper-layer packet over IPv6: the pseudo-header (source, destination,
     * upper-layer length, next header) followed by {@code b[off..off+len)}, whose checksum field
     * must be zero when computing and is left as is when verifying (then a valid packet gives 0).
     */
    public static int ipv6(Inet6Address source, Inet6Address destination, int nextHeader, byte[] b, int off, int len) {
        long s = add(0, source.getAddress(), 0, 16);
        s = add(s, destination.getAddress(), 0, 16);
        s += (len >>> 16) + (len & 0xffff);
        s += nextHeader & 0xff;
        return finish(add(s, b, off, len));
    }
}
