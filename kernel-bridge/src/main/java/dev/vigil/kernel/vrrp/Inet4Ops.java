package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Cmsg;
import dev.vigil.kernel.libc.NetConstants;
import dev.vigil.kernel.libc.Syscalls;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

import static dev.vigil.kernel.libc.NetConstants.IP_ADD_MEMBERSHIP;
import static dev.vigil.kernel.libc.NetConstants.IP_DROP_MEMBERSHIP;
import static dev.vigil.kernel.libc.NetConstants.IP_MULTICAST_ALL;
import static dev.vigil.kernel.libc.NetConstants.IP_MULTICAST_IF;
import static dev.vigil.kernel.libc.NetConstants.IP_MULTICAST_LOOP;
import static dev.vigil.kernel.libc.NetConstants.IP_MULTICAST_TTL;
import static dev.vigil.kernel.libc.NetConstants.IP_PKTINFO;
import static dev.vigil.kernel.libc.NetConstants.IP_TTL;
import static dev.vigil.kernel.libc.NetConstants.SOL_IP;

/**
 * IPv4: a raw protocol-112 socket receives the whole IP datagram, so the header is parsed here for
 * TTL, source and destination; IP_PKTINFO gives the incoming interface.
 */
final class Inet4Ops implements FamilyOps {
    @Override
    public int domain() {
        return Syscalls.AF_INET;
    }

    @Override
    public int sockaddrSize() {
        return SockAddr.IN_SIZE;
    }

    @Override
    public void configure(int fd, int ifindex, VrrpSocketOptions o) {
        Syscalls.setsockoptInt(fd, "IP_PKTINFO", SOL_IP, IP_PKTINFO, 1);
        Syscalls.setsockopt(fd, "IP_MULTICAST_IF", SOL_IP, IP_MULTICAST_IF, mreqn(null, ifindex));
        Syscalls.setsockoptInt(fd, "IP_MULTICAST_TTL", SOL_IP, IP_MULTICAST_TTL, VrrpSocket.TTL);
        Syscalls.setsockoptInt(fd, "IP_TTL", SOL_IP, IP_TTL, o.unicastTtl());
        // Adverts are network control traffic, sent with precedence 6 like other VRRP routers.
        Syscalls.setsockoptInt(fd, "IP_TOS", SOL_IP, NetConstants.IP_TOS, NetConstants.IPTOS_PREC_INTERNETCONTROL);
        Syscalls.setsockoptInt(fd, "IP_MULTICAST_LOOP", SOL_IP, IP_MULTICAST_LOOP, o.multicastLoop() ? 1 : 0);
        // Only groups this socket joined, not every group some socket joined on the host.
        Syscalls.setsockoptInt(fd, "IP_MULTICAST_ALL", SOL_IP, IP_MULTICAST_ALL, 0);
    }

    /** {@code struct ip_mreqn}: group, local address (any), interface index. */
    static byte[] mreqn(InetAddress group, int ifindex) {
        byte[] b = new byte[12];
        if (group != null) {
            System.arraycopy(group.getAddress(), 0, b, 0, 4);
        }
        Bytes.putIntHost(b, 8, ifindex);
        return b;
    }

    @Override
    public byte[] sockaddr(InetAddress address, int ifindex) {
        return SockAddr.in((Inet4Address) address);
    }

    /** {@code struct in_pktinfo} with {@code ipi_spec_dst} = source; raw_sendmsg uses it as saddr. */
    @Override
    public Cmsg sourceControl(InetAddress source) {
        byte[] b = new byte[12];
        System.arraycopy(source.getAddress(), 0, b, 4, 4);
        return new Cmsg(SOL_IP, IP_PKTINFO, b);
    }

    @Override
    public void membership(int fd, InetAddress group, int ifindex, boolean join) {
        Syscalls.setsockopt(fd, join ? "IP_ADD_MEMBERSHIP " + group.getHostAddress()
                        : "IP_DROP_MEMBERSHIP " + group.getHostAddress(), SOL_IP,
                join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, mreqn(group, ifindex));
    }

    @Override
    public ReceivedPacket parse(byte[] data, byte[] name, List<Cmsg> control, int ifindex) {
        int index = ifindex;
        for (Cmsg c : control) {
            if (c.level() == SOL_IP && c.type() == IP_PKTINFO && c.data().length >= 4) {
                index = Bytes.intHost(c.data(), 0);
            }
        }
        return parseDatagram(data, index);
    }

    /** The VRRP packet inside IPv4 datagram {@code data}, or null when the header is malformed. */
    static ReceivedPacket parseDatagram(byte[] data, int ifindex) {
        if (data.length < 20 || (data[0] & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (data[0] & 0x0f) * 4;
        int total = Math.min(Bytes.shortNet(data, 2), data.length);
        if (ihl < 20 || total < ihl) {
            return null;
        }
        byte[] payload = new byte[total - ihl];
        System.arraycopy(data, ihl, payload, 0, payload.length);
        return new ReceivedPacket(payload, SockAddr.inet4(data, 12), SockAddr.inet4(data, 16), ifindex,
                data[8] & 0xff);
    }
}
