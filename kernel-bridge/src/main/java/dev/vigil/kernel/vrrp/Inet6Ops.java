package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Cmsg;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.NetConstants;
import dev.vigil.kernel.libc.Syscalls;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import static dev.vigil.kernel.libc.NetConstants.IPV6_ADD_MEMBERSHIP;
import static dev.vigil.kernel.libc.NetConstants.IPV6_DROP_MEMBERSHIP;
import static dev.vigil.kernel.libc.NetConstants.IPV6_HOPLIMIT;
import static dev.vigil.kernel.libc.NetConstants.IPV6_MULTICAST_ALL;
import static dev.vigil.kernel.libc.NetConstants.IPV6_MULTICAST_HOPS;
import static dev.vigil.kernel.libc.NetConstants.IPV6_MULTICAST_IF;
import static dev.vigil.kernel.libc.NetConstants.IPV6_MULTICAST_LOOP;
import static dev.vigil.kernel.libc.NetConstants.IPV6_PKTINFO;
import static dev.vigil.kernel.libc.NetConstants.IPV6_RECVHOPLIMIT;
import static dev.vigil.kernel.libc.NetConstants.IPV6_RECVPKTINFO;
import static dev.vigil.kernel.libc.NetConstants.IPV6_UNICAST_HOPS;
import static dev.vigil.kernel.libc.NetConstants.SOL_IPV6;

/**
 * IPv6: a raw socket receives only the payload; the source comes from msg_name, destination and
 * interface from IPV6_PKTINFO, hop limit from IPV6_HOPLIMIT. IPV6_CHECKSUM is set to offset 6:
 * the VRRPv3 checksum covers the IPv6 pseudo-header, whose source only the kernel knows for
 * sure when it picks the address, so the kernel fills it in on send and drops packets whose
 * checksum is wrong on receive (RFC 5798 section 7.1, check 3).
 */
final class Inet6Ops implements FamilyOps {
    /** Offset of the checksum in the VRRP header (RFC 5798 section 5.1). */
    static final int VRRP_CHECKSUM_OFFSET = 6;

    @Override
    public int domain() {
        return Syscalls.AF_INET6;
    }

    @Override
    public int sockaddrSize() {
        return SockAddr.IN6_SIZE;
    }

    @Override
    public void configure(int fd, int ifindex, VrrpSocketOptions o) {
        Syscalls.setsockoptInt(fd, "IPV6_CHECKSUM", SOL_IPV6, NetConstants.IPV6_CHECKSUM, VRRP_CHECKSUM_OFFSET);
        Syscalls.setsockoptInt(fd, "IPV6_RECVPKTINFO", SOL_IPV6, IPV6_RECVPKTINFO, 1);
        Syscalls.setsockoptInt(fd, "IPV6_RECVHOPLIMIT", SOL_IPV6, IPV6_RECVHOPLIMIT, 1);
        Syscalls.setsockoptInt(fd, "IPV6_MULTICAST_IF", SOL_IPV6, IPV6_MULTICAST_IF, ifindex);
        Syscalls.setsockoptInt(fd, "IPV6_MULTICAST_HOPS", SOL_IPV6, IPV6_MULTICAST_HOPS, VrrpSocket.TTL);
        Syscalls.setsockoptInt(fd, "IPV6_UNICAST_HOPS", SOL_IPV6, IPV6_UNICAST_HOPS, o.unicastTtl());
        Syscalls.setsockoptInt(fd, "IPV6_TCLASS", SOL_IPV6, NetConstants.IPV6_TCLASS, NetConstants.IPTOS_PREC_INTERNETCONTROL);
        Syscalls.setsockoptInt(fd, "IPV6_MULTICAST_LOOP", SOL_IPV6, IPV6_MULTICAST_LOOP, o.multicastLoop() ? 1 : 0);
        try {
            Syscalls.setsockoptInt(fd, "IPV6_MULTICAST_ALL", SOL_IPV6, IPV6_MULTICAST_ALL, 0);
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOPROTOOPT) { // kernels before 4.20 lack the option
                throw e;
            }
        }
    }

    @Override
    public byte[] sockaddr(InetAddress address, int ifindex) {
        return SockAddr.in6((Inet6Address) address, ifindex);
    }

    /** {@code struct in6_pktinfo}: source address, interface 0 (the route's or multicast IF). */
    @Override
    public Cmsg sourceControl(InetAddress source) {
        byte[] b = new byte[20];
        System.arraycopy(source.getAddress(), 0, b, 0, 16);
        return new Cmsg(SOL_IPV6, IPV6_PKTINFO, b);
    }

    @Override
    public void membership(int fd, InetAddress group, int ifindex, boolean join) {
        byte[] mreq = new byte[20];
        System.arraycopy(group.getAddress(), 0, mreq, 0, 16);
        Bytes.putIntHost(mreq, 16, ifindex);
        Syscalls.setsockopt(fd, (join ? "IPV6_ADD_MEMBERSHIP " : "IPV6_DROP_MEMBERSHIP ") + group.getHostAddress(),
                SOL_IPV6, join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, mreq);
    }

    @Override
    public ReceivedPacket parse(byte[] data, byte[] name, List<Cmsg> control, int ifindex) {
        if (name.length < SockAddr.IN6_SIZE || Bytes.shortHost(name, 0) != Syscalls.AF_INET6) {
            return null;
        }
        int index = ifindex;
        int hops = -1;
        Inet6Address dst = null;
        for (Cmsg c : control) {
            byte[] d = c.data();
            if (c.level() == SOL_IPV6 && c.type() == IPV6_PKTINFO && d.length >= 20) {
                byte[] a = new byte[16];
                System.arraycopy(d, 0, a, 0, 16);
                dst = SockAddr.inet6(a, 0);
                index = Bytes.intHost(d, 16);
            } else if (c.level() == SOL_IPV6 && c.type() == IPV6_HOPLIMIT && d.length >= 4) {
                hops = Bytes.intHost(d, 0);
            }
        }
        return dst == null ? null
                : new ReceivedPacket(data, SockAddr.in6Address(name), dst, index, hops);
    }
}
