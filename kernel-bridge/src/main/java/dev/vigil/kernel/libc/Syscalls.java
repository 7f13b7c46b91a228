package dev.vigil.kernel.libc;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Checked wrappers around {@link LibC}: every failure becomes a {@link KernelException} carrying
 * the operation and errno, and {@code EINTR} is retried here and nowhere else.
 */
public final class Syscalls {
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;

    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SO_BINDTODEVICE = 25;

    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int EFD_NONBLOCK = 0x800;

    public static final int POLLIN = 0x1;

    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    /**
     * jnr-ffi's binding of {@link LibC}, made when first needed: the socket calls go through
     * {@link DirectLibC}, so a command that only talks netlink never builds it.
     */
    private static final class Jnr {
        static final LibC LIBC;
        static final Runtime RUNTIME;
        static final Throwable UNAVAILABILITY_CAUSE;

        static {
            LibC libc = null;
            Runtime runtime = null;
            Throwable cause = DirectLibC.unavailabilityCause();
            try {
                if (cause != null) {
                    throw cause;
                }
                libc = LibraryLoader.create(LibC.class).load("c");
                runtime = Runtime.getRuntime(libc);
                if (runtime.addressSize() != 8 || runtime.longSize() != 8) {
                    throw new UnsupportedOperationException("needs a 64-bit (LP64) JVM: native structures use LP64 layouts");
                }
                libc.getpid();
            } catch (Throwable t) {
                cause = t;
                libc = null;
            }
            LIBC = libc;
            RUNTIME = runtime;
            UNAVAILABILITY_CAUSE = cause;
        }

        private Jnr() {
        }
    }

    private Syscalls() {
    }

    /** Why libc could not be bound, or {@code null}. */
    public static Throwable unavailabilityCause() {
        return Jnr.UNAVAILABILITY_CAUSE;
    }

    static LibC libc() {
        if (Jnr.LIBC == null) {
            throw new UnsupportedOperationException("libc unavailable: " + Jnr.UNAVAILABILITY_CAUSE,
                    Jnr.UNAVAILABILITY_CAUSE);
        }
        return Jnr.LIBC;
    }

    /** The jnr runtime, for allocating native memory. */
    public static Runtime runtime() {
        libc();
        return Jnr.RUNTIME;
    }

    /** Allocates zeroed native memory of {@code size} bytes. */
    public static Pointer allocate(int size) {
        return Memory.allocateDirect(runtime(), size, true);
    }

    /** errno of this thread's last call (jnr-ffi and {@link DirectLibC} share jffi's saved value). */
    private static int errno() {
        return DirectLibC.errno();
    }

    /** Per-thread native scratch for small by-value arguments (socket addresses, option values). */
    private static final ThreadLocal<NativeBuffer> SCRATCH = new ThreadLocal<>() {
        @Override
        protected NativeBuffer initialValue() {
            return NativeBuffer.allocate(256);
        }
    };

    /** {@code data} copied into this thread's scratch buffer; its address. */
    private static long scratch(byte[] data) {
        NativeBuffer b = SCRATCH.get();
        if (data.length > b.capacity()) {
            b = NativeBuffer.allocate(data.length);
            SCRATCH.set(b);
        }
        b.buffer().put(0, data);
        return b.address();
    }

    /** Runs {@code call} until it does not fail with EINTR; throws on -1. */
    private static long check(String op, LongSupplier call) {
        return check(op, null, 0, call);
    }

    /** As {@link #check(String, LongSupplier)}, naming the failure {@code name(what)}. */
    private static long check(String name, String what, LongSupplier call) {
        return check(name, what, 0, call);
    }

    /**
     * Runs {@code call}, retrying EINTR; returns -1 when it fails with {@code tolerated} (0
     * tolerates nothing) and throws {@link KernelException} on other errors.
     */
    private static long check(String name, String what, int tolerated, LongSupplier call) {
        while (true) {
            long rc = call.getAsLong();
            if (rc >= 0 || !retry(name, what, tolerated)) {
                return rc;
            }
        }
    }

    /**
     * After a call returned -1: true to repeat it (EINTR; the only place that decides so), false
     * when it failed with {@code tolerated} (0 tolerates nothing); otherwise throws
     * {@link KernelException} named {@code name(what)}. The socket calls below use this in a loop
     * of their own rather than {@link #check} with a lambda: a lambda's call site is linked through
     * method handles at its first run, which costs a one-shot command (vigil ipvs save) more than
     * all its calls.
     */
    private static boolean retry(String name, String what, int tolerated) {
        int errno = errno();
        if (tolerated != 0 && errno == tolerated) {
            return false;
        }
        if (errno != Errno.EINTR) {
            // Named only on failure: the hot paths (netlink, probes) then build no string per call.
            throw new KernelException(what == null ? name : name + "(" + what + ")", errno);
        }
        return true;
    }

    public static int socket(String what, int domain, int type, int protocol) {
        int fd;
        do {
            fd = DirectLibC.socket(domain, type | SOCK_CLOEXEC, protocol);
        } while (fd < 0 && retry("socket", what, 0));
        return fd;
    }

    public static void bind(int fd, String what, byte[] sockaddr) {
        while (DirectLibC.bind(fd, scratch(sockaddr), sockaddr.length) < 0 && retry("bind", what, 0)) {
            // EINTR: again
        }
    }

    public static void setsockopt(int fd, String name, int level, int option, byte[] value) {
        while (DirectLibC.setsockopt(fd, level, option, scratch(value), value.length) < 0
                && retry("setsockopt", name, 0)) {
            // EINTR: again
        }
    }

    public static void setsockoptInt(int fd, String name, int level, int option, int value) {
        setsockopt(fd, name, level, option, Bytes.intHost(value));
    }

    public static int getsockoptInt(int fd, String name, int level, int option) {
        byte[] value = new byte[4];
        int[] len = {4};
        check("getsockopt", name, () -> libc().getsockopt(fd, level, option, value, len));
        return Bytes.intHost(value, 0);
    }

    /**
     * Sends {@code len} bytes from the start of {@code buf} to {@code sockaddr} (a buffer holding
     * the address, all of it; {@code null} for none, e.g. on a connected socket).
     */
    public static int sendto(int fd, String what, NativeBuffer buf, int len, int flags, NativeBuffer sockaddr) {
        long to = sockaddr == null ? 0 : sockaddr.address();
        int toLen = sockaddr == null ? 0 : sockaddr.capacity();
        long n;
        do {
            n = DirectLibC.sendto(fd, buf.address(), len, flags, to, toLen);
        } while (n < 0 && retry("sendto", what, 0));
        return (int) n;
    }

    /** Receives into the start of {@code buf} (at most {@code len} bytes); the length received. */
    public static int recv(int fd, String what, NativeBuffer buf, int len, int flags) {
        long n;
        do {
            n = DirectLibC.recvfrom(fd, buf.address(), len, flags);
        } while (n < 0 && retry("recv", what, 0));
        return (int) n;
    }

    /** As {@link #recv(int, String, NativeBuffer, int, int)} with MSG_DONTWAIT: -1 when nothing is queued (EAGAIN). */
    public static int recvNow(int fd, String what, NativeBuffer buf, int len, int flags) {
        long n;
        do {
            n = DirectLibC.recvfrom(fd, buf.address(), len, flags | MSG_DONTWAIT);
        } while (n < 0 && retry("recv", what, Errno.EAGAIN));
        return (int) n;
    }

    /** Sends {@code data} as one datagram to {@code sockaddr}; the byte count sent. */
    public static int sendto(int fd, String what, byte[] data, byte[] sockaddr) {
        NativeBuffer buf = NativeBuffer.of(data);
        return sendto(fd, what, buf, data.length, 0, NativeBuffer.of(sockaddr));
    }

    /** Receives one datagram of at most {@code max} bytes, waiting up to {@code timeoutMillis}; null on timeout. */
    public static byte[] receive(int fd, String what, int max, int timeoutMillis) {
        if (!pollIn(fd, timeoutMillis)) {
            return null;
        }
        NativeBuffer buf = NativeBuffer.allocate(max);
        int n = recvNow(fd, what, buf, max, 0);
        if (n < 0) {
            return null;
        }
        byte[] out = new byte[n];
        buf.buffer().get(0, out, 0, n);
        return out;
    }

    public static int sendmsg(int fd, String what, Pointer msghdr, int flags) {
        return (int) PointerCalls.sendmsg(fd, what, msghdr, flags);
    }

    public static int recvmsg(int fd, String what, Pointer msghdr, int flags) {
        return (int) PointerCalls.recvmsg(fd, what, msghdr, flags, 0);
    }

    /** Per-thread pollfd array (8 bytes per descriptor), so waiting allocates no native memory. */
    private static final ThreadLocal<NativeBuffer> POLLFDS = new ThreadLocal<>() {
        @Override
        protected NativeBuffer initialValue() {
            return NativeBuffer.allocate(8 * 8);
        }
    };

    /**
     * Waits until {@code fd} is readable or {@code timeoutMillis} passes (negative waits forever).
     * Returns true when readable.
     */
    public static boolean pollIn(int fd, int timeoutMillis) {
        return pollIn(new int[] {fd}, timeoutMillis)[0] != 0;
    }

    /**
     * Waits until one of {@code fds} is readable or {@code timeoutMillis} passes (negative waits
     * forever). Returns the {@code revents} of each descriptor, all zero on timeout. EINTR restarts
     * the wait with the time that is left.
     */
    public static int[] pollIn(int[] fds, int timeoutMillis) {
        NativeBuffer memory = fds.length <= 8 ? POLLFDS.get() : NativeBuffer.allocate(8 * fds.length);
        ByteBuffer pfds = memory.buffer();
        for (int i = 0; i < fds.length; i++) {
            pfds.putInt(8 * i, fds[i]);
            pfds.putShort(8 * i + 4, (short) POLLIN);
            pfds.putShort(8 * i + 6, (short) 0);
        }
        long address = memory.address();
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (DirectLibC.poll(address, fds.length, timeoutMillis < 0 ? -1
                : (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L)) < 0 && retry("poll", null, 0)) {
            // EINTR: wait again for the time that is left
        }
        int[] revents = new int[fds.length];
        for (int i = 0; i < fds.length; i++) {
            revents[i] = pfds.getShort(8 * i + 6) & 0xffff;
        }
        return revents;
    }

    /** recvmsg with MSG_DONTWAIT: the byte count, or -1 when nothing is queued (EAGAIN). */
    public static int recvmsgDontWait(int fd, String what, Pointer msghdr) {
        return (int) PointerCalls.recvmsg(fd, what, msghdr, MSG_DONTWAIT, Errno.EAGAIN);
    }

    /** {@code struct ifreq} (40 bytes) with {@code ifr_name} set. */
    private static Pointer ifreq(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length >= 16) {
            throw new KernelException("ifreq(" + name + ")", Errno.EINVAL, "interface name longer than 15");
        }
        Pointer p = allocate(40);
        p.put(0, n, 0, n.length);
        return p;
    }

    /**
     * Index of interface {@code name} in the network namespace of socket {@code fd}
     * (SIOCGIFINDEX), unlike if_nametoindex which uses the calling thread's namespace.
     */
    public static int ifIndex(int fd, String name) {
        Pointer p = ifreq(name);
        ioctl(fd, "SIOCGIFINDEX " + name, NetConstants.SIOCGIFINDEX, p);
        return p.getInt(16);
    }

    /** Name of interface {@code index} in the namespace of socket {@code fd} (SIOCGIFNAME). */
    public static String ifName(int fd, int index) {
        Pointer p = allocate(40);
        p.putInt(16, index);
        ioctl(fd, "SIOCGIFNAME " + index, NetConstants.SIOCGIFNAME, p);
        byte[] b = new byte[16];
        p.get(0, b, 0, 16);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    /**
     * The 6-byte (Ethernet) hardware address of interface {@code name} in the namespace of socket
     * {@code fd}: the start of {@code ifr_hwaddr.sa_data} from SIOCGIFHWADDR.
     */
    public static byte[] ifHwAddr(int fd, String name) {
        Pointer p = ifreq(name);
        ioctl(fd, "SIOCGIFHWADDR " + name, NetConstants.SIOCGIFHWADDR, p);
        byte[] mac = new byte[6];
        p.get(18, mac, 0, 6);
        return mac;
    }

    /** The ARPHRD_ hardware type of interface {@code name} (SIOCGIFHWADDR {@code sa_family}). */
    public static int ifHwType(int fd, String name) {
        Pointer p = ifreq(name);
        ioctl(fd, "SIOCGIFHWADDR " + name, NetConstants.SIOCGIFHWADDR, p);
        return p.getShort(16) & 0xffff;
    }

    public static int ioctl(int fd, String what, long request, Pointer arg) {
        return (int) PointerCalls.ioctl(fd, what, request, arg);
    }

    /** Index of the interface {@code name}; throws ENODEV when it does not exist. */
    public static int ifNameToIndex(String name) {
        int idx = libc().if_nametoindex(name);
        if (idx == 0) {
            int errno = errno();
            throw new KernelException("if_nametoindex(" + name + ")", errno == 0 ? Errno.ENODEV : errno);
        }
        return idx;
    }

    /** Name of the interface with {@code index}; throws ENXIO/ENODEV when none. */
    public static String ifIndexToName(int index) {
        Pointer buf = allocate(16);
        Pointer p = libc().if_indextoname(index, buf);
        if (p == null) {
            throw new KernelException("if_indextoname(" + index + ")", errno());
        }
        byte[] b = new byte[16];
        buf.get(0, b, 0, 16);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    public static int open(String path, int flags) {
        return (int) check("open", path, () -> libc().open(path, flags | O_CLOEXEC));
    }

    public static void setns(int fd, int nstype, String what) {
        check("setns", what, () -> libc().setns(fd, nstype));
    }

    public static void close(int fd) {
        // close(2) must not be retried on EINTR: the descriptor is released either way.
        if (DirectLibC.close(fd) < 0) {
            int errno = errno();
            if (errno != Errno.EINTR) {
                throw new KernelException("close", errno);
            }
        }
    }

    public static int eventfd(int flags) {
        return (int) check("eventfd", () -> libc().eventfd(0, flags | O_CLOEXEC));
    }

    public static void write(int fd, String what, byte[] data) {
        check("write", what, () -> libc().write(fd, data, data.length));
    }

    public static int read(int fd, String what, byte[] data) {
        return (int) check("read", what, () -> libc().read(fd, data, data.length));
    }

    /**
     * The calls that take jnr-ffi pointers. Their lambdas (whose types name {@link Pointer}) live
     * here rather than in Syscalls, so that Syscalls links, and its class-data archive resolves,
     * without jnr-ffi on the class path, as the ipvs commands run.
     */
    private static final class PointerCalls {
        private PointerCalls() {
        }

        static long sendmsg(int fd, String what, Pointer msghdr, int flags) {
            return check("sendmsg", what, () -> libc().sendmsg(fd, msghdr, flags));
        }

        static long recvmsg(int fd, String what, Pointer msghdr, int flags, int tolerated) {
            return check("recvmsg", what, tolerated, () -> libc().recvmsg(fd, msghdr, flags));
        }

        static long ioctl(int fd, String what, long request, Pointer arg) {
            return check("ioctl", what, () -> libc().ioctl(fd, request, arg));
        }
    }
}
