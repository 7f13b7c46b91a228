package dev.vigil.conf.model;

import java.util.Objects;

/**
 * An address or a range that varies the last part: {@code 192.168.200.3-10} (decimal last octet)
 * or {@code ae00::2-9} (hexadecimal last group), both ends included.
 *
 * @param last the range's last value of the final part, or null for a single address
 */
public record AddressRange(IpAddress first, Integer last) {
    public AddressRange {
        Objects.requireNonNull(first, "first");
    }

    /** Parses {@code ADDRESS[-LAST]}; throws {@link IllegalArgumentException} when malformed. */
    public static AddressRange parse(String text) {
        int dash = text.lastIndexOf('-');
        if (dash < 0) {
            return new AddressRange(IpAddress.parse(text), null);
        }
        IpAddress first = IpAddress.parse(text.substring(0, dash));
        boolean v4 = first.family() == AddressFamily.INET;
        String end = text.substring(dash + 1);
        int last;
        try {
            last = Integer.parseInt(end, v4 ? 10 : 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + end + "' is not the end of an address range");
        }
        String head = first.text();
        String part = head.substring(Math.max(head.lastIndexOf('.'), head.lastIndexOf(':')) + 1);
        int start = part.isEmpty() ? 0 : Integer.parseInt(part, v4 ? 10 : 16);
        if (last < start || last > (v4 ? 255 : 0xffff)) {
            throw new IllegalArgumentException("address range " + text + " ends before it starts or past the last value");
        }
        return new AddressRange(first, last);
    }

    public AddressFamily family() {
        return first.family();
    }

    @Override
    public String toString() {
        if (last == null) {
            return first.text();
        }
        return first.text() + "-" + (first.family() == AddressFamily.INET ? Integer.toString(last) : Integer.toHexString(last));
    }
}
