package dev.vigil.kernel.libc;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc functions Vigil calls. Only {@link Syscalls} uses this interface directly; it turns
 * {@code -1} returns into {@link KernelException} and retries {@code EINTR}.
 */
public interface LibC {
    @SaveError int socket(int domain, int type, int protocol);

    @SaveError int bind(int fd, @In byte[] addr, int addrLen);

    @SaveError int setsockopt(int fd, int level, int name, @In byte[] value, int valueLen);

    @SaveError int getsockopt(int fd, int level, int name, @Out byte[] value, @In @Out int[] valueLen);

    @SaveError @ssize_t long sendto(int fd, Pointer buf, @size_t long len, int flags, @In byte[] addr, int addrLen);

    @SaveError @ssize_t long recvfrom(int fd, Pointer buf, @size_t long len, int flags, Pointer addr, Pointer addrLen);

    @SaveError @ssize_t long sendmsg(int fd, Pointer msghdr, int flags);

    @SaveError @ssize_t long recvmsg(int fd, Pointer msghdr, int flags);

    @SaveError int poll(Pointer fds, long nfds, int timeoutMillis);

    @SaveError int ioctl(int fd, long request, Pointer arg);

    @SaveError int if_nametoindex(String name);

    @SaveError Pointer if_indextoname(int index, Pointer name);

    @SaveError int setns(int fd, int nstype);

    @SaveError int open(String path, int flags);

    @SaveError int close(int fd);

    @SaveError int getpid();

    String strerror(int errnum);

    @SaveError int eventfd(int initval, int flags);

    @SaveError @ssize_t long write(int fd, @In byte[] buf, @size_t long len);

    @SaveError @ssize_t long read(int fd, @Out byte[] buf, @size_t long len);
}
