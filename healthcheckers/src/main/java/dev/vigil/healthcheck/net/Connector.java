package dev.vigil.healthcheck.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import dev.vigil.plugin.check.CheckResult;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens the connection of an attempt: from {@code bindto}, with {@code fwmark}, within the time
 * left. An attempt lives on one event loop of the transport: {@link #onLoop} creates it there, its
 * deadline timer runs there and its channels are registered there, so a check crosses threads once
 * on the way in (and once when its result is taken on the caller's loop).
 */
public final class Connector {
    private Connector() {
    }

    /**
     * Runs {@code start} on one of the transport's loops and gives the result of the attempt it
     * returns. {@code start} creates the attempt with that loop as its timer and opens its
     * connections with {@link #tcp} / {@link #udp} on that loop.
     */
    public static CompletionStage<CheckResult> onLoop(Transport transport, Function<EventLoop, Attempt> start) {
        EventLoop loop = transport.group().next();
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    start.apply(loop).future().whenComplete((r, e) -> {
                        if (e != null) {
                            result.completeExceptionally(e);
                        } else {
                            result.complete(r);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the checkers' event loop has stopped", e));
        }
        return result;
    }

    /**
     * Connects over TCP on {@code loop} with {@code handler} as the pipeline; runs
     * {@code connected} on success and ends the attempt with the reason on failure. The attempt's
     * own timer ends a connect that outlives the deadline (it closes the channel), so Netty's
     * connect timer is not set as well.
     */
    public static void tcp(Transport transport, EventLoop loop, Attempt attempt, ChannelHandler handler,
                           Consumer<Channel> connected) {
        Bootstrap b = transport.stream(loop, attempt.target().fwmark()).handler(handler)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0);
        open(b.connect(attempt.target().address(), attempt.target().bindTo().orElse(null)), attempt, connected);
    }

    /**
     * Starts a bare TCP connect for {@code attempt} on {@code loop} (up once accepted, nothing
     * read or written) when the transport is epoll; false, doing nothing, when it is not.
     */
    public static boolean probeTcp(Transport transport, EventLoop loop, Attempt attempt) {
        if (!transport.epoll() || !(loop instanceof IoEventLoop io) || !io.isCompatible(TcpConnectProbe.class)) {
            return false;
        }
        TcpConnectProbe.start(io, attempt);
        return true;
    }

    /**
     * Binds a UDP channel on {@code loop} (to {@code bindto} or any port) and connects it, so ICMP
     * errors reach it.
     */
    public static void udp(Transport transport, EventLoop loop, Attempt attempt, ChannelHandler handler,
                           Consumer<Channel> connected) {
        Bootstrap b = transport.datagram(loop, attempt.target().fwmark()).handler(handler);
        InetSocketAddress remote = attempt.target().address();
        InetSocketAddress local = attempt.target().bindTo()
                .orElseGet(() -> new InetSocketAddress(remote.getAddress() instanceof java.net.Inet6Address
                        ? "::" : "0.0.0.0", 0));
        open(b.connect(remote, local), attempt, connected);
    }

    private static void open(ChannelFuture f, Attempt attempt, Consumer<Channel> connected) {
        attempt.attach(f.channel());
        f.addListener((ChannelFuture done) -> {
            if (!done.isSuccess()) {
                attempt.down(Failures.describe(done.cause()));
            } else if (!attempt.done()) {
                connected.accept(done.channel());
            }
        });
    }
}
