package dev.vigil.kernel.libc;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc functions Vigil calls through jnr-ffi (the socket calls of hot paths go through
 * {@link DirectLibC}). Only {@link Syscalls} uses this interface directly; it turns {@code -1}
 * returns into {@link KernelException} and retries {@code EINTR}.
 */
public interface LibC {
    @SaveError int getsockopt(int fd, int level, int name, @Out byte[] value, @In @Out int[] valueLen);

    @SaveError @ssize_t long sendmsg(int fd, Pointer msghdr, int flags);

    @SaveError @ssize_t long recvmsg(int fd, Pointer msghdr, int flags);

    @SaveError int ioctl(int fd, long request, Pointer arg);

    @SaveError int if_nametoindex(String name);

    @SaveError Pointer if_indextoname(int index, Pointer name);

    @SaveError int setns(int fd, int nstype);

    @SaveError int open(String path, int flags);

    @SaveError int getpid();

    @SaveError int eventfd(int initval, int flags);

    @SaveError @ssize_t long write(int fd, @In byte[] buf, @size_t long len);

    @SaveError @ssize_t long read(int fd, @Out byte[] buf, @size_t long len);
}
