package dev.vigil.kernel.arp;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.NetConstants;
import dev.vigil.kernel.libc.Syscalls;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * An {@link ArpSender} over a send-only packet socket ({@code socket(AF_PACKET, SOCK_RAW, 0)}) that
 * writes whole Ethernet frames built by {@link ArpFrames}. The socket belongs to the network
 * namespace of the thread that {@linkplain #open opened} it; interfaces are looked up through the
 * socket (SIOCGIFINDEX, SIOCGIFHWADDR), so any thread may send.
 */
public final class PacketArpSender implements ArpSender {
    private static final int SOCKADDR_LL_SIZE = 20;

    private final int fd;
    private boolean closed;

    private PacketArpSender(int fd) {
        this.fd = fd;
    }

    /** Opens the packet socket in the calling thread's network namespace (needs CAP_NET_RAW). */
    public static PacketArpSender open() {
        // Protocol 0: the socket receives nothing, it only sends.
        return new PacketArpSender(Syscalls.socket("packet arp", Syscalls.AF_PACKET, Syscalls.SOCK_RAW, 0));
    }

    @Override
    public synchronized MacAddress interfaceMac(String interfaceName) {
        ensureOpen();
        int type = Syscalls.ifHwType(fd, interfaceName);
        if (type != NetConstants.ARPHRD_ETHER) {
            throw new KernelException("SIOCGIFHWADDR " + interfaceName, Errno.EOPNOTSUPP,
                    "not an Ethernet interface (ARPHRD " + type + ")");
        }
        return MacAddress.of(Syscalls.ifHwAddr(fd, interfaceName));
    }

    @Override
    public void sendGratuitousArp(String interfaceName, Inet4Address address, MacAddress sourceMac) {
        Objects.requireNonNull(address, "address");
        byte[] frame = ArpFrames.gratuitousArp(Objects.requireNonNull(sourceMac, "sourceMac"), address);
        send(interfaceName, frame, NetConstants.ETH_P_ARP, MacAddress.BROADCAST,
                "gratuitous ARP " + address.getHostAddress());
    }

    @Override
    public void sendUnsolicitedNa(String interfaceName, Inet6Address address, MacAddress sourceMac, boolean router) {
        Objects.requireNonNull(address, "address");
        byte[] frame = ArpFrames.unsolicitedNa(Objects.requireNonNull(sourceMac, "sourceMac"), address, router);
        send(interfaceName, frame, NetConstants.ETH_P_IPV6, ArpFrames.multicastMac(ArpFrames.ALL_NODES),
                "neighbour advertisement " + address.getHostAddress());
    }

    private synchronized void send(String interfaceName, byte[] frame, int etherType, MacAddress dst, String what) {
        Objects.requireNonNull(interfaceName, "interfaceName");
        ensureOpen();
        int ifindex = Syscalls.ifIndex(fd, interfaceName);
        Syscalls.sendto(fd, what + " on " + interfaceName, frame, sockaddrLl(ifindex, etherType, dst));
    }

    /** {@code struct sockaddr_ll}: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8]. */
    static byte[] sockaddrLl(int ifindex, int etherType, MacAddress dst) {
        byte[] b = new byte[SOCKADDR_LL_SIZE];
        Bytes.putShortHost(b, 0, Syscalls.AF_PACKET);
        Bytes.putShortNet(b, 2, etherType);
        Bytes.putIntHost(b, 4, ifindex);
        b[11] = 6;
        System.arraycopy(dst.bytes(), 0, b, 12, 6);
        return b;
    }

    private void ensureOpen() {
        if (closed) {
            throw new KernelException("packet arp", Errno.EBADF, "sender closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Syscalls.close(fd);
        }
    }
}
