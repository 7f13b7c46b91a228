package dev.vigil.healthcheck.dns;

import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** DNS_CHECK against a tiny responder: A records for example.test, NXDOMAIN for anything else. */
class DnsCheckTest {
    @TempDir
    Path dir;
    Checks checks;
    EventLoopGroup group;
    Channel responder;
    final AtomicBoolean wrongId = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        checks = new Checks(dir);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        responder = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                                new Answer());
                    }
                }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private final class Answer extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery q) {
            DnsQuestion question = q.recordAt(DnsSection.QUESTION);
            boolean known = question.name().equals("example.test.") && question.type().equals(DnsRecordType.A);
            int id = wrongId.get() ? (q.id() + 1) & 0xffff : q.id();
            DatagramDnsResponse r = new DatagramDnsResponse(q.recipient(), q.sender(), id);
            r.setCode(known ? DnsResponseCode.NOERROR : DnsResponseCode.NXDOMAIN);
            r.addRecord(DnsSection.QUESTION, question);
            if (known) {
                r.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(question.name(), DnsRecordType.A, 60,
                        Unpooled.wrappedBuffer(new byte[] {10, 0, 0, 1})));
            }
            ctx.writeAndFlush(r);
        }
    }

    @AfterEach
    void stop() throws Exception {
        responder.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        checks.close();
    }

    private int port() {
        return ((InetSocketAddress) responder.localAddress()).getPort();
    }

    @Test
    void noErrorIsUp() throws Exception {
        CheckResult r = checks.run(new DnsCheckFactory(), Map.of("query_type", "A", "name", "example.test"), port());
        assertThat(r.healthy()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("DNS NOERROR, 1 answer(s)");
    }

    @Test
    void nxdomainIsDown() throws Exception {
        CheckResult r = checks.run(new DnsCheckFactory(), Map.of("query_type", "A", "name", "other.test"), port());
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("DNS answered NXDomain(3)");
    }

    @Test
    void aReplyWithAnotherIdIsIgnored() throws Exception {
        wrongId.set(true);
        CheckResult r = checks.run(new DnsCheckFactory(), Map.of("query_type", "A", "name", "example.test"), port());
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).startsWith("no answer within");
    }

    @Test
    void closedPortIsDown() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CheckResult r = checks.run(new DnsCheckFactory(), Map.of(), closed);
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("ICMP port unreachable");
    }
}
