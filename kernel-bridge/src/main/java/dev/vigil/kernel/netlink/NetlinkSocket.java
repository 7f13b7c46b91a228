package dev.vigil.kernel.netlink;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.NativeBuffer;
import dev.vigil.kernel.libc.Syscalls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An AF_NETLINK socket. Not thread-safe: one reader/writer at a time (the client serialises). */
public final class NetlinkSocket implements NetlinkTransport {
    /**
     * Larger than any datagram the kernel builds for our requests (dump parts are at most ~32 KiB),
     * so one recv per datagram suffices; a larger one is reported (EMSGSIZE), never cut silently.
     */
    private static final int RECV_BUF = 256 << 10;
    /**
     * The kernel's overhead beside each datagram's data (its struct skb_shared_info, 320 bytes on
     * 64-bit kernels): a receive length of {@code n - SKB_OVERHEAD} makes dump datagrams whose
     * allocation is exactly {@code n} bytes.
     */
    public static final int SKB_OVERHEAD = 320;
    private static final int SOCKET_RCVBUF = 8 << 20;
    /** The kernel's address (port 0, no groups), in native memory; only ever read. */
    private static final NativeBuffer KERNEL = NativeBuffer.of(sockaddr(0));

    private final int fd;
    private final String name;
    private NativeBuffer sendMem;
    private final NativeBuffer recvMem;
    /** How many bytes each recv asks for; see {@link #openWithReceiveLength}. */
    private final int recvLength;

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private NetlinkSocket(int fd, String name, int recvLength) {
        this.fd = fd;
        this.name = name;
        this.recvLength = recvLength;
        this.recvMem = NativeBuffer.allocate(recvLength);
        this.sendMem = NativeBuffer.allocate(64 << 10);
    }

    /** Opens a socket for {@code protocol} (e.g. {@link Netlink#NETLINK_ROUTE}), joined to {@code groups}. */
    public static NetlinkSocket open(int protocol, int... groups) {
        return open(protocol, RECV_BUF, groups);
    }

    /**
     * Opens a socket for {@code protocol} whose receives ask for {@code receiveLength} bytes, for
     * protocols whose messages are all small (IPVS). The kernel sizes each datagram of a dump by the
     * largest length a socket has ever asked for (at most 32 KiB), and with init_on_alloc (the
     * default of many distributions' kernels) zeroes all of it, the final datagram that only says
     * "done" included: a dump of ten real servers then costs the kernel 64 KiB of zeroing with the
     * usual large buffer, 16 KiB with {@code 8192 - SKB_OVERHEAD}. A datagram longer than
     * {@code receiveLength} fails the receive (EMSGSIZE), never silently cut.
     */
    public static NetlinkSocket openWithReceiveLength(int protocol, int receiveLength) {
        if (receiveLength < 4096 || receiveLength > RECV_BUF) {
            throw new IllegalArgumentException("receive length " + receiveLength);
        }
        return open(protocol, receiveLength, new int[0]);
    }

    private static NetlinkSocket open(int protocol, int recvLength, int[] groups) {
        String name = protocol == Netlink.NETLINK_ROUTE ? "rtnetlink"
                : protocol == Netlink.NETLINK_GENERIC ? "genetlink" : "netlink(" + protocol + ")";
        int fd = Syscalls.socket(name, Syscalls.AF_NETLINK, Syscalls.SOCK_RAW, protocol);
        try {
            try {
                Syscalls.setsockoptInt(fd, "SO_RCVBUFFORCE", Syscalls.SOL_SOCKET, Syscalls.SO_RCVBUFFORCE, SOCKET_RCVBUF);
            } catch (KernelException e) {
                Syscalls.setsockoptInt(fd, "SO_RCVBUF", Syscalls.SOL_SOCKET, Syscalls.SO_RCVBUF, SOCKET_RCVBUF);
            }
            optional(fd, Netlink.NETLINK_EXT_ACK, "NETLINK_EXT_ACK");
            optional(fd, Netlink.NETLINK_CAP_ACK, "NETLINK_CAP_ACK");
            byte[] sa = sockaddr(0);
            Syscalls.bind(fd, name, sa);
            for (int g : groups) {
                Syscalls.setsockoptInt(fd, "NETLINK_ADD_MEMBERSHIP", Netlink.SOL_NETLINK,
                        Netlink.NETLINK_ADD_MEMBERSHIP, g);
            }
            return new NetlinkSocket(fd, name, recvLength);
        } catch (RuntimeException e) {
            Syscalls.close(fd);
            throw e;
        }
    }

    private static void optional(int fd, int opt, String optName) {
        try {
            Syscalls.setsockoptInt(fd, optName, Netlink.SOL_NETLINK, opt, 1);
        } catch (KernelException e) {
            // Older kernels lack the option; errors are then reported without extended ack.
        }
    }

    /** struct sockaddr_nl { sa_family_t; u16 pad; u32 pid; u32 groups }. */
    private static byte[] sockaddr(int groups) {
        byte[] sa = new byte[12];
        Bytes.putShortHost(sa, 0, Syscalls.AF_NETLINK);
        Bytes.putIntHost(sa, 8, groups);
        return sa;
    }

    @Override
    public void send(ByteBuffer datagram) {
        int len = datagram.remaining();
        if (len > sendMem.capacity()) {
            sendMem = NativeBuffer.allocate(Integer.highestOneBit(len) << 1);
        }
        sendMem.buffer().put(0, datagram, datagram.position(), len);
        Syscalls.sendto(fd, name, sendMem, len, 0, KERNEL);
    }

    @Override
    public ByteBuffer receive(int timeoutMillis) {
        ensureOpen();
        // Replies to a batch are mostly queued already: try first, and wait only when none is.
        int n = Syscalls.recvNow(fd, name, recvMem, recvLength, Syscalls.MSG_TRUNC);
        if (n < 0) {
            if (timeoutMillis >= 0 && !Syscalls.pollIn(fd, timeoutMillis)) {
                return null;
            }
            n = Syscalls.recv(fd, name, recvMem, recvLength, Syscalls.MSG_TRUNC);
        }
        return copy(n);
    }

    @Override
    public ByteBuffer receiveNow() {
        ensureOpen();
        int n = Syscalls.recvNow(fd, name, recvMem, recvLength, Syscalls.MSG_TRUNC);
        return n < 0 ? null : copy(n);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new KernelException("recv(" + name + ")", Errno.EBADF);
        }
    }

    private ByteBuffer copy(int n) {
        if (n > recvLength) {
            throw new KernelException("recv(" + name + ")", Errno.EMSGSIZE, n + " byte datagram truncated");
        }
        byte[] b = new byte[n];
        recvMem.buffer().get(0, b, 0, n);
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    /** The file descriptor, for polling. */
    public int fd() {
        return fd;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Syscalls.close(fd);
        }
    }
}
