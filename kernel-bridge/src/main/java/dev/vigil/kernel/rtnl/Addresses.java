package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Numeric IP address helpers that never resolve host names. */
final class Addresses {
    private Addresses() {
    }

    /** Parses a numeric IPv4 (dotted quad) or IPv6 address; never resolves names. */
    static InetAddress parse(String text) {
        if (text.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(text); // a literal with ':' is never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a numeric IP address: '" + text + "'", e);
            }
        }
        String[] parts = text.split("\\.", -1);
        byte[] b = new byte[4];
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a numeric IP address: '" + text + "'");
        }
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)
                    || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("not a numeric IP address: '" + text + "'");
            }
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return of(b);
    }

    static InetAddress zero(IpFamily family) {
        return of(new byte[family.addressLength()]);
    }

    static InetAddress of(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + b.length, e);
        }
    }

    static String text(InetAddress a) {
        return a == null ? null : a.getHostAddress();
    }
}
