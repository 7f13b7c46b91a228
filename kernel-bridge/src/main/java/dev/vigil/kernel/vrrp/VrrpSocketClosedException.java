package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;

/** Thrown by a {@link VrrpSocket} call made after, or interrupted by, {@link VrrpSocket#close()}. */
public class VrrpSocketClosedException extends KernelException {
    public VrrpSocketClosedException(String op) {
        super(op, Errno.EBADF, "socket closed");
    }
}
