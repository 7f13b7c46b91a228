package dev.vigil.kernel.libc;

/**
 * A failed call into the kernel: the operation that failed and the errno it failed with.
 * The message reads like {@code sendmsg(netlink) failed: ENOBUFS (No buffer space available)}.
 */
public class KernelException extends RuntimeException {
    private final String op;
    private final int errno;

    public KernelException(String op, int errno) {
        this(op, errno, null);
    }

    public KernelException(String op, int errno, String detail) {
        super(op + " failed: " + Errno.name(errno) + " (" + Errno.description(errno) + ")"
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.op = op;
        this.errno = errno;
    }

    /** The operation, e.g. {@code sendmsg(netlink)} or {@code IPVS_CMD_NEW_DEST}. */
    public String op() {
        return op;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, e.g. {@code ENOENT}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}
