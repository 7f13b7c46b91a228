package dev.vigil.kernel.libc;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

import java.nio.ByteBuffer;

/**
 * The socket calls of the netlink and probe paths (socket, bind, setsockopt, sendto, recvfrom,
 * poll, close) and strerror, made through jffi, the native layer under jnr-ffi, with no proxy in
 * between. A call is one JNI transition with primitive arguments: no per-call reflection or boxing, and
 * nothing generated at start-up (jnr-ffi's proxy builds its invokers when first used, which costs
 * far more than the calls themselves in a one-shot command such as {@code vigil ipvs save}).
 * Buffers are direct {@link ByteBuffer}s, passed by address. Only {@link Syscalls} calls this.
 */
final class DirectLibC {
    /** One libc function: its address and how to call it. */
    private record Fn(long address, CallContext context) {
    }

    /** What binding libc produced: the functions and jffi's helpers. */
    private record Bound(Invoker invoker, MemoryIO memory, LastError lastError, Fn socket, Fn bind, Fn setsockopt,
                         Fn sendto, Fn recvfrom, Fn poll, Fn close, Fn strerror) {
    }

    private static final Bound BOUND;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        Bound bound = null;
        Throwable cause = null;
        try {
            bound = bind();
        } catch (Throwable t) {
            cause = t;
        }
        BOUND = bound;
        UNAVAILABILITY_CAUSE = cause;
    }

    private DirectLibC() {
    }

    private static Bound bind() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            throw new UnsupportedOperationException("not Linux: " + System.getProperty("os.name"));
        }
        Library libc = Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL);
        if (libc == null) {
            throw new UnsatisfiedLinkError("libc.so.6: " + Library.getLastError());
        }
        return new Bound(Invoker.getInstance(), MemoryIO.getInstance(), LastError.getInstance(),
                // int socket(int, int, int)
                fn(libc, "socket", Type.SINT, Type.SINT, Type.SINT, Type.SINT),
                // int bind(int, const struct sockaddr *, socklen_t)
                fn(libc, "bind", Type.SINT, Type.SINT, Type.POINTER, Type.UINT),
                // int setsockopt(int, int, int, const void *, socklen_t)
                fn(libc, "setsockopt", Type.SINT, Type.SINT, Type.SINT, Type.SINT, Type.POINTER, Type.UINT),
                // ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t)
                fn(libc, "sendto", Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT, Type.POINTER, Type.UINT),
                // ssize_t recvfrom(int, void *, size_t, int, struct sockaddr *, socklen_t *)
                fn(libc, "recvfrom", Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT, Type.POINTER,
                        Type.POINTER),
                // int poll(struct pollfd *, nfds_t, int)
                fn(libc, "poll", Type.SINT, Type.POINTER, Type.ULONG, Type.SINT),
                // int close(int)
                fn(libc, "close", Type.SINT, Type.SINT),
                // char *strerror(int)
                fn(libc, "strerror", Type.POINTER, Type.SINT));
    }

    /** Function {@code name} of {@code libc}, called in C's convention with errno saved after each call. */
    private static Fn fn(Library libc, String name, Type result, Type... params) {
        long address = libc.getSymbolAddress(name);
        if (address == 0) {
            throw new UnsatisfiedLinkError("libc has no " + name + ": " + Library.getLastError());
        }
        return new Fn(address, CallContext.getCallContext(result, params, CallingConvention.DEFAULT, true));
    }

    /** Why the calls cannot be made here, or {@code null}. */
    static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    private static Bound bound() {
        if (BOUND == null) {
            throw new UnsupportedOperationException("libc unavailable: " + UNAVAILABILITY_CAUSE, UNAVAILABILITY_CAUSE);
        }
        return BOUND;
    }

    /** errno as the last call on this thread left it. */
    static int errno() {
        return bound().lastError().get();
    }

    /** The native address of direct buffer {@code b} (its element 0). */
    static long address(ByteBuffer b) {
        if (!b.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return bound().memory().getDirectBufferAddress(b);
    }

    static int socket(int domain, int type, int protocol) {
        Bound b = bound();
        return (int) b.invoker().invokeN3(b.socket().context(), b.socket().address(), domain, type, protocol);
    }

    static int bind(int fd, long sockaddr, int len) {
        Bound b = bound();
        return (int) b.invoker().invokeN3(b.bind().context(), b.bind().address(), fd, sockaddr, len);
    }

    static int setsockopt(int fd, int level, int option, long value, int len) {
        Bound b = bound();
        return (int) b.invoker().invokeN5(b.setsockopt().context(), b.setsockopt().address(), fd, level, option,
                value, len);
    }

    static long sendto(int fd, long buf, long len, int flags, long sockaddr, int sockaddrLen) {
        Bound b = bound();
        return b.invoker().invokeN6(b.sendto().context(), b.sendto().address(), fd, buf, len, flags, sockaddr,
                sockaddrLen);
    }

    static long recvfrom(int fd, long buf, long len, int flags) {
        Bound b = bound();
        return b.invoker().invokeN6(b.recvfrom().context(), b.recvfrom().address(), fd, buf, len, flags, 0, 0);
    }

    static int poll(long fds, int nfds, int timeoutMillis) {
        Bound b = bound();
        return (int) b.invoker().invokeN3(b.poll().context(), b.poll().address(), fds, nfds, timeoutMillis);
    }

    static int close(int fd) {
        Bound b = bound();
        return (int) b.invoker().invokeN1(b.close().context(), b.close().address(), fd);
    }

    /** strerror(3) of {@code errno}, or {@code null} if libc returned none. */
    static String strerror(int errno) {
        Bound b = bound();
        long text = b.invoker().invokeN1(b.strerror().context(), b.strerror().address(), errno);
        return text == 0 ? null
                : new String(b.memory().getZeroTerminatedByteArray(text), java.nio.charset.StandardCharsets.UTF_8);
    }
}
