package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpAddresses;

import java.net.InetAddress;

/** Value syntax of rules: numbers, address[:port], inet_aton masks, kernel name lengths. */
final class RuleValues {
    private RuleValues() {
    }

    /** An address and a port (-1 when the text has none). */
    record HostPort(InetAddress address, int port) {
    }

    /** A decimal number in [{@code min}, {@code max}], else a {@link BadRuleException} with {@code error}. */
    static long number(String s, long min, long max, String error) {
        if (s == null || s.isEmpty() || s.length() > 12 || !digits(s)) {
            throw new BadRuleException(error);
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new BadRuleException(error);
        }
        return v;
    }

    static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code 10.0.0.1}, {@code 10.0.0.1:80}, {@code [10.0.0.1]:80}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:80}. Names are not looked up: ipvsadm -Sn writes numbers only.
     */
    static HostPort hostPort(String s, String error) {
        String host = s;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new BadRuleException(error);
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        InetAddress a = IpAddresses.parse(host);
        if (a == null) {
            throw new BadRuleException(error + (host.matches(".*[g-zG-Z].*") ? " (host names are not supported)" : ""));
        }
        return new HostPort(a, port == null ? -1 : (int) number(port, 0, 65535, error));
    }

    /** A name the kernel stores in 16 bytes with its NUL. */
    static void checkName(String name, String what) {
        if (name.isEmpty() || name.length() > 15) {
            throw new BadRuleException("illegal " + what + " name `" + name + "' (1 to 15 characters)");
        }
    }

    /**
     * inet_aton(3): {@code a.b.c.d}, {@code a.b.c} (c 16 bits), {@code a.b} (b 24 bits) or {@code a}
     * (32 bits), each part decimal, octal (leading 0) or hex (0x). {@code null} when invalid.
     */
    static Long inetAton(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long p = atonPart(parts[i]);
            if (p == null) {
                return null;
            }
            v[i] = p;
        }
        long result = 0;
        for (int i = 0; i < v.length - 1; i++) {
            if (v[i] > 255) {
                return null;
            }
            result |= v[i] << (24 - 8 * i);
        }
        long last = v[v.length - 1];
        if (last >= 1L << (32 - 8 * (v.length - 1))) {
            return null;
        }
        return result | last;
    }

    private static Long atonPart(String p) {
        try {
            if (p.startsWith("0x") || p.startsWith("0X")) {
                return p.length() > 2 && p.length() <= 10 ? Long.parseLong(p.substring(2), 16) : null;
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return p.length() <= 12 ? Long.parseLong(p.substring(1), 8) : null;
            }
            return !p.isEmpty() && p.length() <= 10 && digits(p) ? Long.parseLong(p) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
