package dev.vigil.healthcheck.udp;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Connector;
import dev.vigil.healthcheck.net.Failures;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the payload from a connected UDP socket, so the kernel reports ICMP errors such as port
 * unreachable. Without {@code require_reply}, silence until the deadline is up (as keepalived);
 * with it, the first reply decides: its length and its prefix against the pattern.
 */
public final class UdpChecker implements HealthChecker {
    private final UdpSettings settings;
    private final Transport transport;
    private final Clock clock;

    public UdpChecker(UdpSettings settings, Transport transport, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return Connector.onLoop(transport, loop -> {
            Attempt a = settings.requireReply()
                    ? new Attempt(target, clock, loop, "no reply within " + target.timeout().toMillis() + " ms")
                    : new Attempt(target, clock, loop, x -> CheckResult.up("no ICMP error", x.elapsed()));
            Connector.udp(transport, loop, a, new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new Reply(a));
                }
            }, ch -> ch.writeAndFlush(Unpooled.wrappedBuffer(payload())).addListener(f -> {
                if (!f.isSuccess()) {
                    a.down(Failures.describe(f.cause()));
                }
            }));
            return a;
        });
    }

    private byte[] payload() {
        if (settings.payload().isPresent()) {
            return settings.payload().get().bytes();
        }
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }

    /** Judges the first reply; an ICMP error arrives here as an exception. */
    private final class Reply extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Attempt attempt;

        Reply(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            byte[] data = ByteBufUtil.getBytes(p.content());
            if (!settings.requireReply()) {
                attempt.up("reply of " + data.length + " bytes");
            } else if (data.length < settings.minLength() || data.length > settings.maxLength()) {
                attempt.down("reply of " + data.length + " bytes, expected " + settings.minLength() + "-"
                        + settings.maxLength());
            } else if (settings.reply().isPresent() && !settings.reply().get().matchesPrefixOf(data)) {
                attempt.down("reply " + ByteBufUtil.hexDump(data) + " does not match " + settings.reply().get());
            } else {
                attempt.up("reply of " + data.length + " bytes");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            attempt.down(Failures.describe(cause));
        }
    }
}
