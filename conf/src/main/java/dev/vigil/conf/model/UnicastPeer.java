package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** A unicast peer, optionally with the TTL range its adverts must arrive with. */
public record UnicastPeer(
        @Primary @Doc("Peer address.") IpAddress address,
        @Range(min = 0, max = 255) @Doc("Lowest TTL accepted.") Integer minTtl,
        @Range(min = 0, max = 255) @Doc("Highest TTL accepted.") Integer maxTtl,
        SourcePosition position) {

    public UnicastPeer {
        Objects.requireNonNull(address, "address");
    }
}
