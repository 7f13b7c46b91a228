package dev.vigil.kernel.arp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A 48-bit Ethernet MAC address. */
public final class MacAddress {
    /** ff:ff:ff:ff:ff:ff. */
    public static final MacAddress BROADCAST = new MacAddress(new byte[] {-1, -1, -1, -1, -1, -1});

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address made of the 6 bytes in {@code bytes}. */
    public static MacAddress of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /** Parses {@code 00:00:5e:00:01:33} (also with {@code -} as separator). */
    public static MacAddress parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            b[i] = (byte) HexFormat.fromHexDigits(parts[i]);
        }
        return new MacAddress(b);
    }

    /** The IPv4 VRRP virtual router MAC {@code 00:00:5e:00:01:VRID} (RFC 5798 section 7.3). */
    public static MacAddress vrrpIpv4(int vrid) {
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, 1, checkVrid(vrid)});
    }

    /** The IPv6 VRRP virtual router MAC {@code 00:00:5e:00:02:VRID} (RFC 5798 section 7.3). */
    public static MacAddress vrrpIpv6(int vrid) {
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, 2, checkVrid(vrid)});
    }

    private static byte checkVrid(int vrid) {
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID must be 1..255: " + vrid);
        }
        return (byte) vrid;
    }

    /** The 6 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case, colon separated: {@code 00:00:5e:00:01:33}. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
