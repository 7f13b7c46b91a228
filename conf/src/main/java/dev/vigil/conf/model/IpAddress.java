package dev.vigil.conf.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A literal IPv4 or IPv6 address, kept as written (an IPv6 one may carry a {@code %zone}).
 * Parsing never resolves a name.
 */
public record IpAddress(String text, AddressFamily family) {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    public IpAddress {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(family, "family");
    }

    /** Parses a literal address; throws {@link IllegalArgumentException} when it is not one. */
    public static IpAddress parse(String text) {
        if (IPV4.matcher(text).matches()) {
            return new IpAddress(text, AddressFamily.INET);
        }
        if (text.contains(":") && IPV6_CHARS.matcher(text).matches()) {
            try {
                int zone = text.indexOf('%');
                InetAddress.getByName(zone < 0 ? text : text.substring(0, zone));
                return new IpAddress(text, AddressFamily.INET6);
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
    }

    /** The address's length in bits: 32 or 128. */
    public int bits() {
        return family == AddressFamily.INET ? 32 : 128;
    }

    @Override
    public String toString() {
        return text;
    }
}
