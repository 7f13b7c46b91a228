package dev.vigil.kernel.vrrp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends and receives VRRP messages (IP protocol 112) on one interface; bytes in, bytes out. The
 * VRRP codec builds and checks the payload. Checksums: over IPv6 the kernel computes the VRRPv3
 * checksum on send (the pseudo-header needs the source the kernel picks) and verifies it on
 * receive; over IPv4 the codec computes it, so a VRRPv3 sender must know its source address
 * (mcast_src_ip / unicast_src_ip, or the interface's primary address) and set it in the options.
 * Sends and receives may come from different threads; {@link #close()} wakes a thread blocked
 * in {@link #receive}.
 */
public interface VrrpSocket extends AutoCloseable {
    /** IP protocol number of VRRP (RFC 5798 section 5.1.1.4, RFC 3768 section 5.2.4). */
    int PROTOCOL = 112;
    /** TTL / hop limit VRRP sends with and requires on receipt (RFC 5798 sections 5.1.1.3, 7.1). */
    int TTL = 255;

    /** The options this socket was opened with. */
    VrrpSocketOptions options();

    /** Index of the socket's interface. */
    int interfaceIndex();

    /**
     * Sends {@code vrrpPayload} (the VRRP message; the IP header is the kernel's) to
     * {@code destination}: the family's VRRP group, or a unicast peer. Multicast goes out of the
     * socket's interface with TTL 255; unicast with {@link VrrpSocketOptions#unicastTtl()}.
     */
    void send(byte[] vrrpPayload, InetAddress destination);

    /** Sends {@code vrrpPayload} to the family's VRRP multicast group. */
    default void sendToGroup(byte[] vrrpPayload) {
        send(vrrpPayload, options().family().vrrpGroup());
    }

    /**
     * Waits up to {@code timeout} (zero: do not wait) for the next packet. Packets whose TTL is not
     * 255 are returned, for the caller to count and drop, unless the socket was opened with
     * {@link VrrpSocketOptions#dropInvalidTtl()}.
     *
     * @return the packet, or empty when the timeout passed
     * @throws VrrpSocketClosedException when the socket is or gets closed
     */
    Optional<ReceivedPacket> receive(Duration timeout);

    /** Joins multicast {@code group} on the socket's interface. */
    void joinGroup(InetAddress group);

    /** Leaves multicast {@code group} on the socket's interface. */
    void leaveGroup(InetAddress group);

    /** Joins the family's VRRP multicast group (224.0.0.18 or ff02::12). */
    default void joinVrrpGroup() {
        joinGroup(options().family().vrrpGroup());
    }

    /** True once {@link #close()} was called. */
    boolean isClosed();

    /** Closes the socket; a thread waiting in {@link #receive} gets {@link VrrpSocketClosedException}. */
    @Override
    void close();
}
