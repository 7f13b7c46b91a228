package dev.vigil.kernel.unix;

import dev.vigil.kernel.libc.Bytes;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.Syscalls;
import java.nio.charset.StandardCharsets;

/**
 * An AF_UNIX datagram socket (the JDK has stream sockets only): what systemd's
 * {@code $NOTIFY_SOCKET} expects. A path starting with {@code @} names an abstract socket
 * (unix(7)), as systemd writes it.
 */
public final class UnixDatagramSocket implements AutoCloseable {
    /** {@code sizeof(sun_path)}. */
    static final int PATH_MAX = 108;

    private final int fd;
    private final String name;

    private UnixDatagramSocket(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** An unbound socket, for sending. */
    public static UnixDatagramSocket open() {
        return new UnixDatagramSocket(Syscalls.socket("unix dgram", Syscalls.AF_UNIX, Syscalls.SOCK_DGRAM, 0), "unix dgram");
    }

    /** A socket bound to {@code path}, for receiving. */
    public static UnixDatagramSocket bind(String path) {
        byte[] addr = sockaddr(path);
        UnixDatagramSocket s = open();
        try {
            Syscalls.bind(s.fd, "unix dgram " + path, addr);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Sends {@code data} as one datagram to the socket at {@code path}. */
    public void send(String path, byte[] data) {
        Syscalls.sendto(fd, name + " to " + path, data, sockaddr(path));
    }

    /** One datagram of at most 64 KiB, waiting up to {@code timeoutMillis}; null when none came. */
    public byte[] receive(int timeoutMillis) {
        return Syscalls.receive(fd, name, 65536, timeoutMillis);
    }

    /**
     * {@code struct sockaddr_un} for {@code path}: family, then the path (NUL-terminated), or for
     * {@code @name} a NUL and the name, whose length alone tells where it ends.
     */
    public static byte[] sockaddr(String path) {
        if (path == null || path.isEmpty()) {
            throw new KernelException("sockaddr_un", Errno.EINVAL, "empty socket path");
        }
        boolean abstractName = path.charAt(0) == '@';
        byte[] p = (abstractName ? path.substring(1) : path).getBytes(StandardCharsets.UTF_8);
        int len = 1 + p.length;
        if (len > PATH_MAX) {
            throw new KernelException("sockaddr_un", Errno.EINVAL, "socket path longer than " + (PATH_MAX - 1)
                    + " bytes: " + path);
        }
        byte[] addr = new byte[2 + len];
        Bytes.putShortHost(addr, 0, Syscalls.AF_UNIX);
        System.arraycopy(p, 0, addr, abstractName ? 3 : 2, p.length);
        return addr;
    }

    @Override
    public void close() {
        Syscalls.close(fd);
    }
}
