package dev.vigil.healthcheck.smtp;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Connector;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Talks SMTP to the real server: up when it greets, accepts EHLO or HELO, and answers QUIT. */
public final class SmtpChecker implements HealthChecker {
    private final String heloName;
    private final Transport transport;
    private final Clock clock;

    public SmtpChecker(String heloName, Transport transport, Clock clock) {
        this.heloName = Objects.requireNonNull(heloName, "heloName");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return Connector.onLoop(transport, loop -> {
            Attempt a = new Attempt(target, clock, loop);
            Connector.tcp(transport, loop, a, new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new LineBasedFrameDecoder(4096), new StringDecoder(StandardCharsets.US_ASCII),
                            new StringEncoder(StandardCharsets.US_ASCII), new SmtpDialogue(heloName, a));
                }
            }, ch -> { });
            return a;
        });
    }
}
