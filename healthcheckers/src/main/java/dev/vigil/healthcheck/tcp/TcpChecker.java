package dev.vigil.healthcheck.tcp;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Connector;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Connects to the real server and closes at once: up when the connection is accepted. On the epoll
 * transport the connect is a bare socket on the loop's epoll ({@code TcpConnectProbe}); on NIO, a
 * channel with an empty pipeline.
 */
public final class TcpChecker implements HealthChecker {
    private static final ChannelHandler NOTHING = new Nothing();

    private final Transport transport;
    private final Clock clock;

    public TcpChecker(Transport transport, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return Connector.onLoop(transport, loop -> {
            Attempt a = new Attempt(target, clock, loop, "connect timeout after " + target.timeout().toMillis() + " ms");
            if (!Connector.probeTcp(transport, loop, a)) {
                Connector.tcp(transport, loop, a, NOTHING, ch -> a.up("connected"));
            }
            return a;
        });
    }

    /** The pipeline of a TCP check: nothing is read or written. */
    @ChannelHandler.Sharable
    private static final class Nothing extends ChannelInboundHandlerAdapter {
    }
}
