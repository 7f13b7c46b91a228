package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;

import java.util.Objects;

/**
 * The outcome of one {@link IpvsOp} of a batch: {@code errno == 0} when the kernel accepted it.
 *
 * @param op      the kernel operation, e.g. {@code IPVS_CMD_NEW_DEST(TCP 10.0.0.1:80 -> 10.0.0.2:80)}
 * @param message the kernel's extended-ack text, or {@code null}
 */
public record OpResult(IpvsOp request, String op, int errno, String message) {
    public OpResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(op, "op");
    }

    public boolean ok() {
        return errno == 0;
    }

    /** {@code ESRCH}, ... ({@code ""} when ok). */
    public String errnoName() {
        return ok() ? "" : Errno.name(errno);
    }

    /** The failure as the exception a single call would have thrown. */
    public NetlinkException exception() {
        return new NetlinkException(op, errno, message);
    }
}
