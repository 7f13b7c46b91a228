package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;

/** Unicast (or multicast source) settings of an instance (written flat). */
public record Unicast(
        @Doc("Source address of unicast adverts; the interface's primary address when unset.") IpAddress unicastSrcIp,
        @Doc(value = "Peers adverts are sent to; none means multicast.", keepalived = "unicast_peer { IP [min_ttl N] [max_ttl N] ... }")
        List<UnicastPeer> unicastPeer,
        @Default("255") @Range(min = 1, max = 255) @Doc("TTL / hop limit of unicast adverts.") int unicastTtl,
        @Doc("Source address of multicast adverts.") IpAddress mcastSrcIp,
        @Doc("Drop adverts whose source is not a configured peer; global vrrp_check_unicast_src when unset.") Boolean checkUnicastSrc,
        @Doc("Go to FAULT rather than multicast when there are no peers.") boolean unicastFaultNoPeer,
        SourcePosition position) {

    public Unicast {
        unicastPeer = List.copyOf(unicastPeer);
    }
}
