package dev.vigil.kernel.arp;

import java.net.Inet4Address;
import java.net.Inet6Address;

/**
 * Announces that addresses moved to this node: gratuitous ARP for IPv4 and unsolicited Neighbour
 * Advertisements for IPv6 (RFC 5798 section 6.4.2 / 6.4.3 on becoming master). Interfaces are
 * named in the network namespace the sender was opened in.
 */
public interface ArpSender extends AutoCloseable {
    /** The hardware address of {@code interfaceName}. */
    MacAddress interfaceMac(String interfaceName);

    /**
     * Broadcasts a gratuitous ARP for {@code address} out of {@code interfaceName} from
     * {@code sourceMac} (the interface's MAC, or the VRRP virtual MAC {@link MacAddress#vrrpIpv4}).
     */
    void sendGratuitousArp(String interfaceName, Inet4Address address, MacAddress sourceMac);

    /** Broadcasts a gratuitous ARP for {@code address} from the interface's own MAC. */
    default void sendGratuitousArp(String interfaceName, Inet4Address address) {
        sendGratuitousArp(interfaceName, address, interfaceMac(interfaceName));
    }

    /**
     * Sends an unsolicited Neighbour Advertisement for {@code address} to ff02::1 out of
     * {@code interfaceName}: Override set, Router as {@code router} says (set it when the node
     * forwards), target link-layer address {@code sourceMac}, hop limit 255.
     */
    void sendUnsolicitedNa(String interfaceName, Inet6Address address, MacAddress sourceMac, boolean router);

    /** Sends an unsolicited Neighbour Advertisement for {@code address} with the interface's MAC, Router clear. */
    default void sendUnsolicitedNa(String interfaceName, Inet6Address address) {
        sendUnsolicitedNa(interfaceName, address, interfaceMac(interfaceName), false);
    }

    @Override
    void close();
}
