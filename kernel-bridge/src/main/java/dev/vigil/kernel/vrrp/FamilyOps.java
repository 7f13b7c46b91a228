package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Cmsg;

import java.net.InetAddress;
import java.util.List;

/** The per-family part of {@link RawVrrpSocket}: options, addresses, membership and parsing. */
interface FamilyOps {
    /** AF_INET or AF_INET6. */
    int domain();

    /** Size of the family's sockaddr. */
    int sockaddrSize();

    /** Sets the family's socket options for interface {@code ifindex}. */
    void configure(int fd, int ifindex, VrrpSocketOptions options);

    /** The destination sockaddr. */
    byte[] sockaddr(InetAddress address, int ifindex);

    /** The control message choosing {@code source} as the source address of one send. */
    Cmsg sourceControl(InetAddress source);

    /** Joins ({@code join}) or leaves {@code group} on interface {@code ifindex}. */
    void membership(int fd, InetAddress group, int ifindex, boolean join);

    /**
     * The received packet from recvmsg's data, source sockaddr and control messages, or null when
     * malformed. {@code ifindex} is used when no packet-info control message came.
     */
    ReceivedPacket parse(byte[] data, byte[] name, List<Cmsg> control, int ifindex);
}
