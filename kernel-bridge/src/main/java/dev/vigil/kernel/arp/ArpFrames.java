package dev.vigil.kernel.arp;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.NetConstants;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Builds the Ethernet frames an announcement consists of, byte for byte as keepalived 2.2.7 sends
 * them (checked against its captured frames): a gratuitous ARP request and an unsolicited
 * Neighbour Advertisement.
 */
public final class ArpFrames {
    /** Length of a gratuitous ARP frame: Ethernet header 14 + ARP 28. */
    public static final int GARP_LENGTH = 42;
    /** Length of an unsolicited NA frame: Ethernet 14 + IPv6 40 + NA 24 + target link-layer option 8. */
    public static final int NA_LENGTH = 86;
    /** ff02::1, the all-nodes group unsolicited advertisements go to (RFC 4861 section 7.2.6). */
    public static final Inet6Address ALL_NODES = inet6("ff02::1");

    private static final int ETH_HEADER = 14;
    private static final int IPV6_HEADER = 40;
    private static final int ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
    private static final int NA_FLAG_ROUTER = 0x80;
    private static final int NA_FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_LAYER = 2;

    private ArpFrames() {
    }

    /**
     * A gratuitous ARP as a new VRRP master broadcasts it (RFC 5798 section 6.4.2): an ARP request
     * (RFC 826) from {@code mac} to the broadcast address with sender and target protocol address
     * both {@code address}. Like keepalived, the target hardware address is ff:ff:ff:ff:ff:ff.
     */
    public static byte[] gratuitousArp(MacAddress mac, Inet4Address address) {
        byte[] f = new byte[GARP_LENGTH];
        int o = ethernet(f, MacAddress.BROADCAST, mac, NetConstants.ETH_P_ARP);
        Bytes.putShortNet(f, o, NetConstants.ARPHRD_ETHER);
        Bytes.putShortNet(f, o + 2, NetConstants.ETH_P_IP);
        f[o + 4] = 6;
        f[o + 5] = 4;
        Bytes.putShortNet(f, o + 6, 1); // ARPOP_REQUEST
        put(f, o + 8, mac.bytes());
        put(f, o + 14, address.getAddress());
        put(f, o + 18, MacAddress.BROADCAST.bytes());
        put(f, o + 24, address.getAddress());
        return f;
    }

    /**
     * An unsolicited Neighbour Advertisement (RFC 4861 sections 4.4 and 7.2.6) for {@code target},
     * from {@code target} to ff02::1 with hop limit 255: Override flag set, Solicited clear, Router
     * as given, and a target link-layer address option carrying {@code mac}.
     */
    public static byte[] unsolicitedNa(MacAddress mac, Inet6Address target, boolean router) {
        byte[] f = new byte[NA_LENGTH];
        int ip = ethernet(f, multicastMac(ALL_NODES), mac, NetConstants.ETH_P_IPV6);
        int icmp = ip + IPV6_HEADER;
        int icmpLength = NA_LENGTH - icmp;
        f[ip] = 0x60;
        Bytes.putShortNet(f, ip + 4, icmpLength);
        f[ip + 6] = (byte) NetConstants.IPPROTO_ICMPV6;
        f[ip + 7] = (byte) 255;
        put(f, ip + 8, target.getAddress());
        put(f, ip + 24, ALL_NODES.getAddress());
        f[icmp] = (byte) ICMPV6_NEIGHBOR_ADVERTISEMENT;
        f[icmp + 4] = (byte) (NA_FLAG_OVERRIDE | (router ? NA_FLAG_ROUTER : 0));
        put(f, icmp + 8, target.getAddress());
        f[icmp + 24] = OPTION_TARGET_LINK_LAYER;
        f[icmp + 25] = 1; // length in units of 8 bytes
        put(f, icmp + 26, mac.bytes());
        int sum = InetChecksum.ipv6(target, ALL_NODES, NetConstants.IPPROTO_ICMPV6, f, icmp, icmpLength);
        Bytes.putShortNet(f, icmp + 2, sum);
        return f;
    }

    /** The Ethernet address of an IPv6 multicast group: 33:33 and its low 32 bits (RFC 2464 section 7). */
    public static MacAddress multicastMac(Inet6Address group) {
        byte[] a = group.getAddress();
        return MacAddress.of(new byte[] {0x33, 0x33, a[12], a[13], a[14], a[15]});
    }

    private static int ethernet(byte[] f, MacAddress dst, MacAddress src, int etherType) {
        put(f, 0, dst.bytes());
        put(f, 6, src.bytes());
        Bytes.putShortNet(f, 12, etherType);
        return ETH_HEADER;
    }

    private static void put(byte[] f, int off, byte[] b) {
        System.arraycopy(b, 0, f, off, b.length);
    }

    private static Inet6Address inet6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
