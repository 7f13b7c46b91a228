package dev.vigil.kernel.libc;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

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

    public static final int POLLIN = 0x1;

    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    private static final LibC LIBC;
    private static final Runtime RUNTIME;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        LibC libc = null;
        Runtime runtime = null;
        Throwable cause = null;
        try {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                throw new UnsupportedOperationException("not Linux: " + System.getProperty("os.name"));
            }
            libc = LibraryLoader.create(LibC.class).load("c");
            runtime = Runtime.getRuntime(libc);
            libc.getpid();
        } catch (Throwable t) {
            cause = t;
            libc = null;
        }
        LIBC = libc;
        RUNTIME = runtime;
        UNAVAILABILITY_CAUSE = cause;
    }

    private Syscalls() {
    }

    /** Why libc could not be bound, or {@code null}. */
    public static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    static LibC libc() {
        if (LIBC == null) {
            throw new UnsupportedOperationException("libc unavailable: " + UNAVAILABILITY_CAUSE, UNAVAILABILITY_CAUSE);
        }
        return LIBC;
    }

    /** The jnr runtime, for allocating native memory. */
    public static Runtime runtime() {
        libc();
        return RUNTIME;
    }

    /** Allocates zeroed native memory of {@code size} bytes. */
    public static Pointer allocate(int size) {
        return Memory.allocateDirect(runtime(), size, true);
    }

    private static int errno() {
        return LastError.getLastError(RUNTIME);
    }

    /** Runs {@code call} until it does not fail with EINTR; throws on -1. */
    private static long check(String op, LongSupplier call) {
        while (true) {
            long rc = call.getAsLong();
            if (rc >= 0) {
                return rc;
            }
            int errno = errno();
            if (errno != Errno.EINTR) {
                throw new KernelException(op, errno);
            }
        }
    }

    public static int socket(String what, int domain, int type, int protocol) {
        return (int) check("socket(" + what + ")", () -> libc().socket(domain, type | SOCK_CLOEXEC, protocol));
    }

    public static void bind(int fd, String what, byte[] sockaddr) {
        check("bind(" + what + ")", () -> libc().bind(fd, sockaddr, sockaddr.length));
    }

    public static void setsockopt(int fd, String name, int level, int option, byte[] value) {
        check("setsockopt(" + name + ")", () -> libc().setsockopt(fd, level, option, value, value.length));
    }

    public static void setsockoptInt(int fd, String name, int level, int option, int value) {
        setsockopt(fd, name, level, option, Bytes.intHost(value));
    }

    public static int getsockoptInt(int fd, String name, int level, int option) {
        byte[] value = new byte[4];
        int[] len = {4};
        check("getsockopt(" + name + ")", () -> libc().getsockopt(fd, level, option, value, len));
        return Bytes.intHost(value, 0);
    }

    public static int sendto(int fd, String what, Pointer buf, int len, int flags, byte[] sockaddr) {
        return (int) check("sendto(" + what + ")",
                () -> libc().sendto(fd, buf, len, flags, sockaddr, sockaddr == null ? 0 : sockaddr.length));
    }

    public static int recv(int fd, String what, Pointer buf, int len, int flags) {
        return (int) check("recv(" + what + ")", () -> libc().recvfrom(fd, buf, len, flags, null, null));
    }

    /**
     * recv without waiting ({@code MSG_DONTWAIT}): the length received, or -1 when nothing is
     * queued (EAGAIN). Other errors throw; EINTR is retried.
     */
    public static int recvNow(int fd, String what, Pointer buf, int len, int flags) {
        while (true) {
            long rc = libc().recvfrom(fd, buf, len, flags | MSG_DONTWAIT, null, null);
            if (rc >= 0) {
                return (int) rc;
            }
            int errno = errno();
            if (errno == Errno.EAGAIN) {
                return -1;
            }
            if (errno != Errno.EINTR) {
                throw new KernelException("recv(" + what + ")", errno);
            }
        }
    }

    public static int sendmsg(int fd, String what, Pointer msghdr, int flags) {
        return (int) check("sendmsg(" + what + ")", () -> libc().sendmsg(fd, msghdr, flags));
    }

    public static int recvmsg(int fd, String what, Pointer msghdr, int flags) {
        return (int) check("recvmsg(" + what + ")", () -> libc().recvmsg(fd, msghdr, flags));
    }

    /**
     * Waits until {@code fd} is readable or {@code timeoutMillis} passes (negative waits forever).
     * Returns true when readable.
     */
    public static boolean pollIn(int fd, int timeoutMillis) {
        Pointer pfd = allocate(8);
        pfd.putInt(0, fd);
        pfd.putShort(4, (short) POLLIN);
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int wait = timeoutMillis < 0 ? -1
                    : (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            int rc = libc().poll(pfd, 1, wait);
            if (rc >= 0) {
                return rc > 0;
            }
            int errno = errno();
            if (errno != Errno.EINTR) {
                throw new KernelException("poll", errno);
            }
        }
    }

    public static int ioctl(int fd, String what, long request, Pointer arg) {
        return (int) check("ioctl(" + what + ")", () -> libc().ioctl(fd, request, arg));
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
        return (int) check("open(" + path + ")", () -> libc().open(path, flags | O_CLOEXEC));
    }

    public static void setns(int fd, int nstype, String what) {
        check("setns(" + what + ")", () -> libc().setns(fd, nstype));
    }

    public static void close(int fd) {
        // close(2) must not be retried on EINTR: the descriptor is released either way.
        if (libc().close(fd) < 0) {
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
        check("write(" + what + ")", () -> libc().write(fd, data, data.length));
    }

    public static int read(int fd, String what, byte[] data) {
        return (int) check("read(" + what + ")", () -> libc().read(fd, data, data.length));
    }
}
