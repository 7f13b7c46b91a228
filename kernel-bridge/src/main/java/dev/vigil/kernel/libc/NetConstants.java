package dev.vigil.kernel.libc;

/**
 * Linux protocol, socket option, ioctl and ethertype values used by the raw VRRP and ARP sockets,
 * copied from linux/in.h, linux/in6.h, linux/sockios.h, linux/if_ether.h, linux/if_arp.h and
 * bits/socket.h (x86_64).
 */
public final class NetConstants {
    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_ICMPV6 = 58;

    public static final int SOL_IP = 0;
    public static final int SOL_IPV6 = 41;
    public static final int SOL_PACKET = 263;

    public static final int IP_TOS = 1;
    public static final int IP_TTL = 2;
    public static final int IP_PKTINFO = 8;
    public static final int IP_MULTICAST_IF = 32;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IP_ADD_MEMBERSHIP = 35;
    public static final int IP_DROP_MEMBERSHIP = 36;
    public static final int IP_MULTICAST_ALL = 49;

    public static final int IPV6_CHECKSUM = 7;
    public static final int IPV6_UNICAST_HOPS = 16;
    public static final int IPV6_TCLASS = 67;
    /** IPTOS_PREC_INTERNETCONTROL (netinet/ip.h): the class VRRP adverts are sent with. */
    public static final int IPTOS_PREC_INTERNETCONTROL = 0xc0;
    public static final int IPV6_MULTICAST_IF = 17;
    public static final int IPV6_MULTICAST_HOPS = 18;
    public static final int IPV6_MULTICAST_LOOP = 19;
    public static final int IPV6_ADD_MEMBERSHIP = 20;
    public static final int IPV6_DROP_MEMBERSHIP = 21;
    public static final int IPV6_MULTICAST_ALL = 29;
    public static final int IPV6_RECVPKTINFO = 49;
    public static final int IPV6_PKTINFO = 50;
    public static final int IPV6_RECVHOPLIMIT = 51;
    public static final int IPV6_HOPLIMIT = 52;

    public static final int MSG_CTRUNC = 0x08;

    public static final long SIOCGIFNAME = 0x8910;
    public static final long SIOCGIFHWADDR = 0x8927;
    public static final long SIOCGIFINDEX = 0x8933;

    public static final int ETH_P_IP = 0x0800;
    public static final int ETH_P_ARP = 0x0806;
    public static final int ETH_P_IPV6 = 0x86DD;
    public static final int ARPHRD_ETHER = 1;

    private NetConstants() {
    }
}
