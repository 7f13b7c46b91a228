package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Cmsg;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.MsgHdr;
import dev.vigil.kernel.libc.Syscalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link VrrpSocket} over a raw {@code socket(AF_INET|AF_INET6, SOCK_RAW, 112)}. The socket lives
 * in the network namespace of the thread that {@linkplain #open opened} it; the interface is
 * resolved through the socket itself, so later calls may come from any thread. Receiving polls the
 * socket together with an eventfd that {@link #close()} signals.
 */
public final class RawVrrpSocket implements VrrpSocket {
    private static final Logger LOG = LoggerFactory.getLogger(RawVrrpSocket.class);
    private static final int MAX_PACKET = 65_535;
    private static final int CONTROL_SPACE = 256;

    private final VrrpSocketOptions options;
    private final FamilyOps ops;
    private final int fd;
    private final int wakeFd;
    private final int ifindex;
    private final String what;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object receiveLock = new Object();
    private final MsgHdr recvMsg;

    private RawVrrpSocket(VrrpSocketOptions options, FamilyOps ops, int fd, int wakeFd, int ifindex, String ifname) {
        this.options = options;
        this.ops = ops;
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.ifindex = ifindex;
        this.what = "vrrp " + options.family() + " " + ifname;
        this.recvMsg = MsgHdr.forReceive(ops.sockaddrSize(), CONTROL_SPACE, MAX_PACKET);
    }

    /** Opens a socket as {@code options} say, in the calling thread's network namespace. */
    public static RawVrrpSocket open(VrrpSocketOptions options) {
        Objects.requireNonNull(options, "options");
        FamilyOps ops = options.family() == IpFamily.V4 ? new Inet4Ops() : new Inet6Ops();
        int fd = Syscalls.socket("vrrp " + options.family(), ops.domain(),
                Syscalls.SOCK_RAW | Syscalls.SOCK_NONBLOCK, PROTOCOL);
        int wake = -1;
        try {
            String name = options.interfaceName() != null ? options.interfaceName()
                    : Syscalls.ifName(fd, options.interfaceIndex());
            int index = Syscalls.ifIndex(fd, name);
            configure(fd, ops, options, name, index);
            wake = Syscalls.eventfd(Syscalls.EFD_NONBLOCK);
            return new RawVrrpSocket(options, ops, fd, wake, index, name);
        } catch (RuntimeException e) {
            closeQuietly(fd);
            if (wake >= 0) {
                closeQuietly(wake);
            }
            throw e;
        }
    }

    private static void configure(int fd, FamilyOps ops, VrrpSocketOptions o, String name, int index) {
        if (o.bindToDevice()) {
            byte[] dev = (name + "\0").getBytes(StandardCharsets.US_ASCII);
            Syscalls.setsockopt(fd, "SO_BINDTODEVICE " + name, Syscalls.SOL_SOCKET, Syscalls.SO_BINDTODEVICE, dev);
        }
        ops.configure(fd, index, o);
        if (o.bindSource()) {
            Syscalls.bind(fd, "vrrp " + o.sourceAddress().getHostAddress(), ops.sockaddr(o.sourceAddress(), index));
        }
    }

    @Override
    public VrrpSocketOptions options() {
        return options;
    }

    @Override
    public int interfaceIndex() {
        return ifindex;
    }

    @Override
    public void send(byte[] vrrpPayload, InetAddress destination) {
        Objects.requireNonNull(vrrpPayload, "vrrpPayload");
        checkFamily(destination, "destination");
        List<Cmsg> control = options.sourceAddress() == null || options.bindSource() ? List.of()
                : List.of(ops.sourceControl(options.sourceAddress()));
        MsgHdr msg = MsgHdr.forSend(ops.sockaddr(destination, ifindex), vrrpPayload, control);
        withOpenSocket("sendmsg(" + what + ")",
                () -> Syscalls.sendmsg(fd, what + " to " + destination.getHostAddress(), msg.pointer(), 0));
    }

    @Override
    public Optional<ReceivedPacket> receive(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), TimeUnit.DAYS.toNanos(1));
        synchronized (receiveLock) {
            return withOpenSocket("recvmsg(" + what + ")", () -> receiveUntil(deadline));
        }
    }

    private Optional<ReceivedPacket> receiveUntil(long deadline) {
        while (true) {
            ensureOpen("recvmsg(" + what + ")");
            recvMsg.reset();
            int n = Syscalls.recvmsgDontWait(fd, what, recvMsg.pointer());
            if (n >= 0) {
                ReceivedPacket p = accept(recvMsg, n);
                if (p != null) {
                    return Optional.of(p);
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Syscalls.pollIn(new int[] {fd, wakeFd}, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
        }
    }

    /** The packet recvmsg stored, or null when it is malformed or to be dropped for its TTL. */
    private ReceivedPacket accept(MsgHdr msg, int n) {
        if ((msg.flags() & Syscalls.MSG_TRUNC) != 0) {
            LOG.debug("{}: dropped truncated packet of {} bytes", what, n);
            return null;
        }
        ReceivedPacket p = ops.parse(msg.data(n), msg.name(), msg.control(), ifindex);
        if (p == null) {
            LOG.debug("{}: dropped malformed packet of {} bytes", what, n);
            return null;
        }
        if (p.interfaceIndex() > 0 && p.interfaceIndex() != ifindex) {
            // Without SO_BINDTODEVICE a raw socket hears every interface; this one serves one.
            LOG.debug("{}: dropped packet from {} that arrived on interface #{}", what,
                    p.source().getHostAddress(), p.interfaceIndex());
            return null;
        }
        if (options.dropInvalidTtl() && !p.hasVrrpTtl()) {
            LOG.debug("{}: dropped packet from {} with TTL {}", what, p.source().getHostAddress(), p.ttl());
            return null;
        }
        return p;
    }

    @Override
    public void joinGroup(InetAddress group) {
        membership(group, true);
    }

    @Override
    public void leaveGroup(InetAddress group) {
        membership(group, false);
    }

    private void membership(InetAddress group, boolean join) {
        checkFamily(group, "group");
        if (!group.isMulticastAddress()) {
            throw new IllegalArgumentException("not a multicast group: " + group.getHostAddress());
        }
        withOpenSocket("setsockopt(" + what + ")", () -> {
            ops.membership(fd, group, ifindex, join);
            return null;
        });
    }

    private void checkFamily(InetAddress address, String name) {
        Objects.requireNonNull(address, name);
        if (!options.family().matches(address)) {
            throw new IllegalArgumentException(name + " " + address.getHostAddress() + " is not " + options.family());
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    /** Signals the eventfd so a receiver wakes up, then closes once no call is using the socket. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        byte[] one = new byte[8];
        Bytes.putLongHost(one, 0, 1);
        Syscalls.write(wakeFd, "eventfd " + what, one);
        lock.writeLock().lock();
        try {
            closeQuietly(fd);
            closeQuietly(wakeFd);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T withOpenSocket(String op, Supplier<T> body) {
        lock.readLock().lock();
        try {
            ensureOpen(op);
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureOpen(String op) {
        if (closed.get()) {
            throw new VrrpSocketClosedException(op);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            Syscalls.close(fd);
        } catch (KernelException e) {
            LOG.debug("close({}) failed: {}", fd, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RawVrrpSocket[" + what + " #" + ifindex + (closed.get() ? ", closed" : "") + "]";
    }
}
