package dev.vigil.healthcheck.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/** Opens the connection of an attempt: from {@code bindto}, with {@code fwmark}, within the time left. */
public final class Connector {
    private Connector() {
    }

    /**
     * Connects over TCP with {@code handler} as the pipeline; runs {@code connected} on success
     * and ends the attempt with the reason on failure.
     */
    public static void tcp(Transport transport, Attempt attempt, ChannelHandler handler, Consumer<Channel> connected) {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, attempt.remaining().toMillis()));
        Bootstrap b = transport.stream(attempt.target().fwmark()).handler(handler)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, ms);
        open(b.connect(attempt.target().address(), attempt.target().bindTo().orElse(null)), attempt, connected);
    }

    /** Binds a UDP channel (to {@code bindto} or any port) and connects it, so ICMP errors reach it. */
    public static void udp(Transport transport, Attempt attempt, ChannelHandler handler, Consumer<Channel> connected) {
        Bootstrap b = transport.datagram(attempt.target().fwmark()).handler(handler);
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
