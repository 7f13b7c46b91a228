package dev.vigil.healthcheck.net;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * keepalived's free-form hex strings ({@code UDP_CHECK payload} and {@code require_reply}): words
 * separated by spaces, each read two digits to a byte, a lone last digit being a byte of its own
 * ({@code "Ab12f 3"} is {@code AB 12 0F 03}). In patterns an {@code X} digit matches anything.
 *
 * @param bytes the bytes, with wildcard digits as 0
 * @param mask  per byte, the bits that must match (0xF0, 0x0F, 0xFF or 0)
 */
public record Hex(byte[] bytes, byte[] mask) {

    /** Parses {@code text}; {@code wildcards} allows X digits. */
    public static Hex parse(String text, boolean wildcards) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream mask = new ByteArrayOutputStream();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (int i = 0; i < word.length(); i += 2) {
                boolean pair = i + 1 < word.length();
                int hi = digit(word.charAt(i), wildcards);
                int lo = pair ? digit(word.charAt(i + 1), wildcards) : hi;
                int value = pair ? (Math.max(hi, 0) << 4) | Math.max(lo, 0) : Math.max(hi, 0);
                int m = pair ? (hi < 0 ? 0 : 0xF0) | (lo < 0 ? 0 : 0x0F) : (hi < 0 ? 0xF0 : 0xFF);
                bytes.write(value);
                mask.write(m);
            }
        }
        return new Hex(bytes.toByteArray(), mask.toByteArray());
    }

    private static int digit(char c, boolean wildcards) {
        if (wildcards && (c == 'x' || c == 'X')) {
            return -1;
        }
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a hex digit");
        }
        return d;
    }

    /** Whether {@code data} matches this pattern over the shorter of the two lengths. */
    public boolean matchesPrefixOf(byte[] data) {
        int n = Math.min(data.length, bytes.length);
        for (int i = 0; i < n; i++) {
            if (((data[i] ^ bytes[i]) & mask[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format(Locale.ROOT, "%02x", b));
        }
        return s.toString();
    }
}
