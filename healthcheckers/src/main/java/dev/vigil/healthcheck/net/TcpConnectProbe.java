package dev.vigil.healthcheck.net;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.Future;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A TCP connect with nothing else, for TCP_CHECK on the epoll transport: a non-blocking socket
 * registered with the loop's epoll for writability, {@code SO_ERROR} read when it fires, then
 * closed. No channel, pipeline or address look-ups: eight system calls per check (socket and the
 * two with which Netty's {@code Socket} learns its address family, connect, two epoll_ctl,
 * getsockopt, close) where a Netty channel makes seventeen. Confined to its loop.
 */
final class TcpConnectProbe implements EpollIoHandle {
    /** {@code SOL_SOCKET} and {@code SO_MARK} (socket(7)). */
    private static final int SOL_SOCKET = 1;
    private static final int SO_MARK = 36;

    private final Socket socket;
    private final Attempt attempt;
    private IoRegistration registration;
    private boolean closed;

    private TcpConnectProbe(Socket socket, Attempt attempt) {
        this.socket = socket;
        this.attempt = attempt;
    }

    /** Connects to the attempt's target from {@code loop}; the attempt ends up when it is accepted. */
    static void start(IoEventLoop loop, Attempt attempt) {
        Socket socket;
        try {
            socket = Socket.newSocketStream();
        } catch (RuntimeException e) {
            attempt.down("cannot open a socket: " + Failures.describe(e));
            return;
        }
        TcpConnectProbe probe = new TcpConnectProbe(socket, attempt);
        attempt.onEnd(probe::release);
        try {
            int mark = attempt.target().fwmark();
            if (mark != 0) {
                socket.setIntOpt(SOL_SOCKET, SO_MARK, mark);
            }
            InetSocketAddress from = attempt.target().bindTo().orElse(null);
            if (from != null) {
                socket.bind(from);
            }
            if (socket.connect(attempt.target().address())) {
                attempt.up("connected");
                return;
            }
        } catch (IOException | RuntimeException e) {
            attempt.down(Failures.describe(e));
            return;
        }
        loop.register(probe).addListener((Future<IoRegistration> f) -> {
            if (!f.isSuccess()) {
                attempt.down("cannot register the socket: " + Failures.describe(f.cause()));
                return;
            }
            probe.registration = f.getNow();
            if (probe.closed) {
                probe.registration.cancel();
            } else {
                probe.registration.submit(EpollIoOps.EPOLLOUT);
            }
        });
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    @Override
    public void handle(IoRegistration r, IoEvent event) {
        try {
            if (socket.finishConnect()) {
                attempt.up("connected");
            }
        } catch (IOException | RuntimeException e) {
            attempt.down(Failures.describe(e));
        }
    }

    /** Called by the loop when it shuts down with the socket still registered. */
    @Override
    public void close() {
        attempt.down("the checkers' event loop has stopped");
        release();
    }

    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        if (registration != null) {
            registration.cancel();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed: nothing to give back
        }
    }
}
