package dev.vigil.kernel.vrrp;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A packet of IP protocol 112 as it arrived: the VRRP part (IP header removed), the IP source and
 * destination, the receiving interface and the IPv4 TTL or IPv6 hop limit.
 *
 * @param payload        the VRRP message, from the version/type byte on
 * @param source         IP source; IPv6 link-local sources carry the interface as scope id
 * @param destination    IP destination: the VRRP group or this node's unicast address
 * @param interfaceIndex index of the interface the packet came in on
 * @param ttl            IPv4 TTL or IPv6 hop limit; -1 when the kernel did not report it
 */
public record ReceivedPacket(byte[] payload, InetAddress source, InetAddress destination, int interfaceIndex,
                             int ttl) {
    public ReceivedPacket {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * True when the TTL/hop limit is 255, as RFC 5798 section 7.1 requires of a received
     * advertisement ("MUST verify that the IPv4 TTL / IPv6 Hop Limit is 255").
     */
    public boolean hasVrrpTtl() {
        return ttl == VrrpSocket.TTL;
    }

    /** True when sent to a multicast group (the VRRP group), false for unicast peers. */
    public boolean multicast() {
        return destination.isMulticastAddress();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedPacket p && Arrays.equals(p.payload, payload) && p.source.equals(source)
                && p.destination.equals(destination) && p.interfaceIndex == interfaceIndex && p.ttl == ttl;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), source, destination, interfaceIndex, ttl);
    }

    @Override
    public String toString() {
        return "ReceivedPacket[" + source.getHostAddress() + " > " + destination.getHostAddress() + " if "
                + interfaceIndex + " ttl " + ttl + ", " + payload.length + " bytes]";
    }
}
