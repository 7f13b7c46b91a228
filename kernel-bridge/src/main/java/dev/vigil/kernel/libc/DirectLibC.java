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
 * poll, close), made through jffi, the native layer under jnr-ffi, with no proxy in between. A
 * call is one JNI transition with primitive arguments: no per-call reflection or boxing, and
 * nothing generated at start-up (jnr-ffi's proxy builds its invokers when first used, which costs
 * far more than the calls themselves in a one-shot command such as {@code vigil ipvs save}).
 * Buffers are direct {@link ByteBuffer}s, passed by address. Only {@link Syscalls} calls this.
 */
final class DirectLibC {
    private static final Invoker INVOKER;
    private static final MemoryIO MEMORY;
    private static final LastError LAST_ERROR;
    private static final Throwable UNAVAILABILITY_CAUSE;
    private static final long SOCKET;
    private static final long BIND;
    private static final long SETSOCKOPT;
    private static final long SENDTO;
    private static final long RECVFROM;
    private static final long POLL;
    private static final long CLOSE;
    /** int f(int, int, int). */
    private static final CallContext INT_3;
    /** int f(int, void *, int): bind. */
    private static final CallContext INT_I_P_I;
    /** int f(int, int, int, void *, int): setsockopt. */
    private static final CallContext SETSOCKOPT_CTX;
    /** ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t). */
    private static final CallContext SENDTO_CTX;
    /** ssize_t recvfrom(int, void *, size_t, int, struct sockaddr *, socklen_t *). */
    private static final CallContext RECVFROM_CTX;
    /** int f(void *, unsigned long, int): poll. */
    private static final CallContext POLL_CTX;
    /** int f(int): close. */
    private static final CallContext INT_1;

    static {
        Invoker invoker = null;
        MemoryIO memory = null;
        LastError lastError = null;
        Throwable cause = null;
        long socket = 0;
        long bind = 0;
        long setsockopt = 0;
        long sendto = 0;
        long recvfrom = 0;
        long poll = 0;
        long close = 0;
        CallContext int3 = null;
        CallContext ipi = null;
        CallContext sso = null;
        CallContext sendCtx = null;
        CallContext recvCtx = null;
        CallContext pollCtx = null;
        CallContext int1 = null;
        try {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                throw new UnsupportedOperationException("not Linux: " + System.getProperty("os.name"));
            }
            Library libc = Library.getCachedInstance("libc.so.6", Library.LAZY | Library.GLOBAL);
            if (libc == null) {
                throw new UnsatisfiedLinkError("libc.so.6: " + Library.getLastError());
            }
            socket = symbol(libc, "socket");
            bind = symbol(libc, "bind");
            setsockopt = symbol(libc, "setsockopt");
            sendto = symbol(libc, "sendto");
            recvfrom = symbol(libc, "recvfrom");
            poll = symbol(libc, "poll");
            close = symbol(libc, "close");
            int3 = context(Type.SINT, Type.SINT, Type.SINT, Type.SINT);
            ipi = context(Type.SINT, Type.SINT, Type.POINTER, Type.UINT);
            sso = context(Type.SINT, Type.SINT, Type.SINT, Type.SINT, Type.POINTER, Type.UINT);
            sendCtx = context(Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT, Type.POINTER, Type.UINT);
            recvCtx = context(Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT, Type.POINTER, Type.POINTER);
            pollCtx = context(Type.SINT, Type.POINTER, Type.ULONG, Type.SINT);
            int1 = context(Type.SINT, Type.SINT);
            invoker = Invoker.getInstance();
            memory = MemoryIO.getInstance();
            lastError = LastError.getInstance();
        } catch (Throwable t) {
            cause = t;
            invoker = null;
        }
        INVOKER = invoker;
        MEMORY = memory;
        LAST_ERROR = lastError;
        UNAVAILABILITY_CAUSE = cause;
        SOCKET = socket;
        BIND = bind;
        SETSOCKOPT = setsockopt;
        SENDTO = sendto;
        RECVFROM = recvfrom;
        POLL = poll;
        CLOSE = close;
        INT_3 = int3;
        INT_I_P_I = ipi;
        SETSOCKOPT_CTX = sso;
        SENDTO_CTX = sendCtx;
        RECVFROM_CTX = recvCtx;
        POLL_CTX = pollCtx;
        INT_1 = int1;
    }

    private DirectLibC() {
    }

    private static long symbol(Library libc, String name) {
        long address = libc.getSymbolAddress(name);
        if (address == 0) {
            throw new UnsatisfiedLinkError("libc has no " + name + ": " + Library.getLastError());
        }
        return address;
    }

    /** A C calling context that saves errno after each call. */
    private static CallContext context(Type result, Type... params) {
        return CallContext.getCallContext(result, params, CallingConvention.DEFAULT, true);
    }

    /** Why the calls cannot be made here, or {@code null}. */
    static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    private static Invoker invoker() {
        if (INVOKER == null) {
            throw new UnsupportedOperationException("libc unavailable: " + UNAVAILABILITY_CAUSE, UNAVAILABILITY_CAUSE);
        }
        return INVOKER;
    }

    /** errno as the last call on this thread left it. */
    static int errno() {
        invoker();
        return LAST_ERROR.get();
    }

    /** The native address of direct buffer {@code b} (its element 0), or 0 for {@code null}. */
    static long address(ByteBuffer b) {
        if (b == null) {
            return 0;
        }
        if (!b.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        invoker();
        return MEMORY.getDirectBufferAddress(b);
    }

    static int socket(int domain, int type, int protocol) {
        return (int) invoker().invokeN3(INT_3, SOCKET, domain, type, protocol);
    }

    static int bind(int fd, long sockaddr, int len) {
        return (int) invoker().invokeN3(INT_I_P_I, BIND, fd, sockaddr, len);
    }

    static int setsockopt(int fd, int level, int option, long value, int len) {
        return (int) invoker().invokeN5(SETSOCKOPT_CTX, SETSOCKOPT, fd, level, option, value, len);
    }

    static long sendto(int fd, long buf, long len, int flags, long sockaddr, int sockaddrLen) {
        return invoker().invokeN6(SENDTO_CTX, SENDTO, fd, buf, len, flags, sockaddr, sockaddrLen);
    }

    static long recvfrom(int fd, long buf, long len, int flags) {
        return invoker().invokeN6(RECVFROM_CTX, RECVFROM, fd, buf, len, flags, 0, 0);
    }

    static int poll(long fds, int nfds, int timeoutMillis) {
        return (int) invoker().invokeN3(POLL_CTX, POLL, fds, nfds, timeoutMillis);
    }

    static int close(int fd) {
        return (int) invoker().invokeN1(INT_1, CLOSE, fd);
    }
}
