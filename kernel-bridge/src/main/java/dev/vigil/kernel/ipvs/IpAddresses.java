package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Address helpers with the kernel's view of families: parsing literals without name lookups,
 * keeping IPv4-mapped IPv6 addresses IPv6, and formatting as glibc's {@code inet_ntop} does.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** An address of {@code family} from raw bytes; longer input (the kernel's 16-byte union) is trimmed. */
    public static InetAddress of(IpFamily family, byte[] bytes) {
        if (bytes.length < family.addressLength()) {
            throw new IllegalArgumentException(bytes.length + " address bytes for " + family);
        }
        byte[] b = Arrays.copyOf(bytes, family.addressLength());
        try {
            return family == IpFamily.V6 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The address as the kernel's 16-byte {@code union nf_inet_addr} (IPv4 first, zero-padded). */
    public static byte[] union(InetAddress address) {
        return Arrays.copyOf(address.getAddress(), 16);
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal (anything with a colon). Never resolves names;
     * returns {@code null} for anything else.
     */
    public static InetAddress parse(String s) {
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        byte[] b = new byte[4];
        int part = 0;
        int value = 0;
        int len = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (len == 0 || part == 4) {
                    return null;
                }
                b[part++] = (byte) value;
                value = 0;
                len = 0;
            } else if (c >= '0' && c <= '9' && len < 3) {
                value = value * 10 + (c - '0');
                len++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? of(IpFamily.V4, b) : null;
    }

    private static InetAddress parseV6(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet4Address) {
                // Java folds ::ffff:a.b.c.d into IPv4; the kernel and ipvsadm keep it IPv6.
                byte[] b = new byte[16];
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, b, 12, 4);
                return of(IpFamily.V6, b);
            }
            return a;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Text form as glibc {@code inet_ntop} writes it (e.g. {@code 2001:db8::1}, {@code ::ffff:10.0.0.1}). */
    public static String format(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int[] run = longestZeroRun(w);
        int base = run[0];
        int len = run[1];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (base >= 0 && i >= base && i < base + len) {
                if (i == base) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && base == 0 && (len == 6 || (len == 5 && w[5] == 0xffff))) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.')
                        .append(b[14] & 0xff).append('.').append(b[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (base >= 0 && base + len == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** {base, len} of the first longest run of two or more zero words, or {-1, 0}. */
    private static int[] longestZeroRun(int[] w) {
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && w[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 0;
                }
                curLen++;
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        return bestLen < 2 ? new int[] {-1, 0} : new int[] {bestBase, bestLen};
    }

    /** {@code [addr]:port} for IPv6, {@code addr:port} for IPv4. */
    public static String withPort(InetAddress a, int port) {
        return appendWithPort(new StringBuilder(), a, port).toString();
    }

    /** Appends {@link #withPort}'s text to {@code out} (IPv4 without an intermediate string). */
    public static StringBuilder appendWithPort(StringBuilder out, InetAddress a, int port) {
        if (a instanceof Inet6Address) {
            return out.append('[').append(format(a)).append("]:").append(port);
        }
        byte[] b = a.getAddress();
        return out.append(b[0] & 0xff).append('.').append(b[1] & 0xff).append('.').append(b[2] & 0xff).append('.')
                .append(b[3] & 0xff).append(':').append(port);
    }

    /** An IPv4 netmask value (e.g. {@code 0xffffff00}) as a dotted quad. */
    public static String v4Mask(int mask) {
        return (mask >>> 24) + "." + ((mask >>> 16) & 0xff) + "." + ((mask >>> 8) & 0xff) + "." + (mask & 0xff);
    }
}
