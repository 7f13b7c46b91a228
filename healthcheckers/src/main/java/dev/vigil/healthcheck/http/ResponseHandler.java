package dev.vigil.healthcheck.http;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Failures;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;

/**
 * Reads one response as it streams in: the status line first (a wrong code fails at once), then
 * the body into an MD5 digest and, when a regular expression is set, a buffer of up to 1 MiB.
 */
final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final UrlCheck url;
    private final Attempt attempt;
    private final Runnable passed;
    private final MessageDigest md5;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean finished;

    ResponseHandler(UrlCheck url, Attempt attempt, Runnable passed) {
        this.url = url;
        this.attempt = attempt;
        this.passed = passed;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (finished) {
            return;
        }
        if (msg.decoderResult().isFailure()) {
            fail(ctx, "bad HTTP response: " + Failures.describe(msg.decoderResult().cause()));
            return;
        }
        if (msg instanceof HttpResponse r && !url.statusCodes().accepts(r.status().code())) {
            fail(ctx, url.path() + ": HTTP status " + r.status().code() + ", expected " + url.statusCodes());
            return;
        }
        if (msg instanceof HttpContent c) {
            consume(c.content());
        }
        if (msg instanceof LastHttpContent) {
            finished = true;
            String problem = verdict();
            ctx.close();
            if (problem == null) {
                passed.run();
            } else {
                attempt.down(problem);
            }
        }
    }

    private void consume(ByteBuf content) {
        if (!content.isReadable()) {
            return;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        md5.update(bytes);
        if (url.regex().isPresent() && body.size() < UrlCheck.MAX_REGEX_BODY) {
            body.write(bytes, 0, Math.min(bytes.length, UrlCheck.MAX_REGEX_BODY - body.size()));
        }
    }

    /** Null when the body passes, else why not. */
    private String verdict() {
        if (url.digest().isPresent()) {
            String got = HexFormat.of().formatHex(md5.digest());
            if (!got.equals(url.digest().get())) {
                return url.path() + ": MD5 digest " + got + ", expected " + url.digest().get();
            }
        }
        if (url.regex().isPresent()) {
            String text = body.toString(StandardCharsets.ISO_8859_1);
            boolean found = find(url.regex().get().matcher(text), text.length());
            if (found == url.regexNoMatch()) {
                return url.path() + ": body " + (found ? "matches" : "does not match") + " /" + url.regex().get() + "/";
            }
        }
        return null;
    }

    private boolean find(Matcher m, int length) {
        if (url.regexMinOffset() > length) {
            return false;
        }
        m.region(url.regexMinOffset(), length);
        return m.find() && m.start() <= url.regexMaxOffset();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess()) {
            fail(ctx, "TLS handshake failed: " + Failures.describe(e.cause()));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!finished) {
            fail(ctx, url.path() + ": connection closed before the response ended");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, url.path() + ": " + Failures.describe(cause));
    }

    private void fail(ChannelHandlerContext ctx, String message) {
        finished = true;
        attempt.down(message);
        ctx.close();
    }
}
