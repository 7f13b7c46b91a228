package dev.vigil.healthcheck.http;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Connector;
import dev.vigil.healthcheck.net.Transport;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Fetches each URL on its own connection, in order, within one attempt: the first URL that
 * fails ends the attempt down; when all pass it is up.
 */
public final class HttpChecker implements HealthChecker {
    private final HttpSettings settings;
    private final Transport transport;
    private final Clock clock;
    private final Optional<SslContext> ssl;

    public HttpChecker(HttpSettings settings, Transport transport, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ssl = settings.tls().map(Tls::clientContext);
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        return Connector.onLoop(transport, loop -> {
            Attempt a = new Attempt(target, clock, loop);
            fetch(loop, a, 0);
            return a;
        });
    }

    private void fetch(EventLoop loop, Attempt a, int index) {
        if (index == settings.urls().size()) {
            a.up(settings.urls().size() == 1 ? "HTTP check passed" : "all " + index + " URLs passed");
            return;
        }
        UrlCheck url = settings.urls().get(index);
        String host = host(url, a.target().address());
        ResponseHandler handler = new ResponseHandler(url, a, () -> fetch(loop, a, index + 1));
        Connector.tcp(transport, loop, a, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ssl.ifPresent(ctx -> ch.pipeline().addLast(sslHandler(ctx, ch, a.target(), host)));
                ch.pipeline().addLast(new HttpClientCodec(), handler);
            }
        }, ch -> ch.writeAndFlush(request(url, host, a.target().address())));
    }

    private String host(UrlCheck url, InetSocketAddress address) {
        return url.virtualhost().or(settings::virtualhost).orElseGet(() -> literal(address));
    }

    private HttpRequest request(UrlCheck url, String host, InetSocketAddress address) {
        HttpRequest req = new DefaultFullHttpRequest(settings.version(), HttpMethod.GET, url.path());
        int defaultPort = ssl.isPresent() ? 443 : 80;
        req.headers().set(HttpHeaderNames.HOST, address.getPort() == defaultPort ? host : host + ":" + address.getPort());
        req.headers().set(HttpHeaderNames.USER_AGENT, "Vigil health check");
        if (settings.connectionClose()) {
            req.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return req;
    }

    private SslHandler sslHandler(SslContext ctx, Channel ch, CheckTarget target, String host) {
        TlsSettings tls = settings.tls().orElseThrow();
        String name = tls.sniName().orElse(host);
        SslHandler h = tls.sni() || tls.verifyHostname()
                ? ctx.newHandler(ch.alloc(), name, target.address().getPort())
                : ctx.newHandler(ch.alloc());
        if (tls.verifyHostname()) {
            SSLEngine engine = h.engine();
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(p);
        }
        h.setHandshakeTimeoutMillis(0);
        return h;
    }

    private static String literal(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        return address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip;
    }
}
