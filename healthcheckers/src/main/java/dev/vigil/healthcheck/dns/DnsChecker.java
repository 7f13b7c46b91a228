package dev.vigil.healthcheck.dns;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Connector;
import dev.vigil.healthcheck.net.Failures;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one recursive query with a random id; up on a response with that id and RCODE NOERROR
 * (RFC 1035 section 4.1.1), down on another RCODE or an ICMP error. Responses with another id
 * are ignored.
 */
public final class DnsChecker implements HealthChecker {
    private final DnsQuerySettings settings;
    private final Transport transport;
    private final Clock clock;

    public DnsChecker(DnsQuerySettings settings, Transport transport, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return Connector.onLoop(transport, loop -> {
            Attempt a = new Attempt(target, clock, loop);
            int id = ThreadLocalRandom.current().nextInt(1 << 16);
            Connector.udp(transport, loop, a, new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new DatagramDnsQueryEncoder(), new DatagramDnsResponseDecoder(), new Reply(id, a));
                }
            }, ch -> {
                DatagramDnsQuery q = new DatagramDnsQuery(null, target.address(), id);
                q.setRecursionDesired(true);
                q.setRecord(DnsSection.QUESTION, new DefaultDnsQuestion(settings.name(), settings.type()));
                ch.writeAndFlush(q).addListener(f -> {
                    if (!f.isSuccess()) {
                        a.down("cannot send the DNS query: " + Failures.describe(f.cause()));
                    }
                });
            });
            return a;
        });
    }

    /** Waits for the response to query {@code id}. */
    private static final class Reply extends SimpleChannelInboundHandler<DatagramDnsResponse> {
        private final int id;
        private final Attempt attempt;

        Reply(int id, Attempt attempt) {
            this.id = id;
            this.attempt = attempt;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsResponse r) {
            if (r.id() != id) {
                return;
            }
            if (r.code().equals(DnsResponseCode.NOERROR)) {
                attempt.up("DNS NOERROR, " + r.count(DnsSection.ANSWER) + " answer(s)");
            } else {
                attempt.down("DNS answered " + r.code());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            attempt.down(Failures.describe(cause));
        }
    }
}
