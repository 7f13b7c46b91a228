package dev.vigil.healthcheck.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * The plugin's one event loop group, shared by every check: epoll when the native transport
 * loads, NIO otherwise. It is created on first use and closed by {@link #shutdown()} when the
 * plugin stops; a later use creates a new one. Checks never get a thread of their own.
 */
public final class Transport {
    /** Event loop threads: checks are I/O bound, two loops carry tens of thousands. */
    static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** {@code setsockopt(SOL_SOCKET, SO_MARK)} (socket(7); needs CAP_NET_ADMIN). */
    private static final IntegerUnixChannelOption SO_MARK = new IntegerUnixChannelOption("SO_MARK", 1, 36);

    private static Transport shared;

    private final EventLoopGroup group;
    private final boolean epoll;

    private Transport(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /** The shared transport, created on first use. */
    public static synchronized Transport shared() {
        if (shared == null) {
            boolean epoll = Epoll.isAvailable();
            IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
            shared = new Transport(new MultiThreadIoEventLoopGroup(THREADS,
                    new DefaultThreadFactory("vigil-check", true), io), epoll);
        }
        return shared;
    }

    /** Closes the shared group (running checks end as failures); waits up to two seconds. */
    public static void shutdown() {
        Transport t;
        synchronized (Transport.class) {
            t = shared;
            shared = null;
        }
        if (t != null) {
            t.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }

    public EventLoopGroup group() {
        return group;
    }

    /** Whether the native epoll transport is in use (needed for {@code fwmark}). */
    public boolean epoll() {
        return epoll;
    }

    /** A TCP client bootstrap on {@code loop}, marking packets with {@code fwmark} when non-zero. */
    public Bootstrap stream(EventLoop loop, int fwmark) {
        Bootstrap b = new Bootstrap().group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class);
        return mark(b, fwmark);
    }

    /** A UDP bootstrap on {@code loop}, marking packets with {@code fwmark} when non-zero. */
    public Bootstrap datagram(EventLoop loop, int fwmark) {
        Bootstrap b = new Bootstrap().group(loop)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class);
        return mark(b, fwmark);
    }

    private Bootstrap mark(Bootstrap b, int fwmark) {
        if (fwmark != 0 && epoll) {
            b.option(SO_MARK, fwmark);
        }
        return b.option(ChannelOption.AUTO_CLOSE, true);
    }
}
