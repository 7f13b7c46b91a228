package dev.vigil.conf.model;

import java.util.Objects;

/**
 * An address with an optional prefix length: {@code 192.0.2.1/24}, {@code 2001:db8::1}.
 *
 * @param length the prefix length, or null when not written (the kernel's default then applies)
 */
public record IpPrefix(IpAddress address, Integer length) {
    public IpPrefix {
        Objects.requireNonNull(address, "address");
        if (length != null && (length < 0 || length > address.bits())) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range 0.."
                    + address.bits() + " for " + address.family().label());
        }
    }

    /** Parses {@code ADDRESS[/LENGTH]}; throws {@link IllegalArgumentException} when malformed. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new IpPrefix(IpAddress.parse(text), null);
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + len + "' is not a prefix length");
        }
        return new IpPrefix(address, Integer.parseInt(len));
    }

    public AddressFamily family() {
        return address.family();
    }

    @Override
    public String toString() {
        return length == null ? address.text() : address.text() + "/" + length;
    }
}
