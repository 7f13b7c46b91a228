package dev.vigil.vrrp.packet;

import java.net.InetAddress;
import java.util.Objects;

/**
 * keepalived's {@code unicast_peer { ADDR min_ttl N max_ttl N }}: the TTL / hop limit range adverts
 * from {@code peer} must arrive with (a routed peer's adverts arrive with less than 255). Adverts
 * outside it are dropped ({@link DropReason#TTL_OUT_OF_RANGE}).
 *
 * @param peer the unicast peer
 * @param min  lowest TTL accepted, 0..255 (keepalived's default 0)
 * @param max  highest TTL accepted, 0..255 (default 255)
 */
public record TtlRange(InetAddress peer, int min, int max) {
    public TtlRange {
        Objects.requireNonNull(peer, "peer");
        if (min < 0 || max > 255 || min > max) {
            throw new IllegalArgumentException("TTL range of " + peer.getHostAddress() + " must satisfy 0 <= min_ttl ("
                    + min + ") <= max_ttl (" + max + ") <= 255");
        }
    }

    /** True when {@code ttl} is within the range. */
    public boolean accepts(int ttl) {
        return ttl >= min && ttl <= max;
    }
}
