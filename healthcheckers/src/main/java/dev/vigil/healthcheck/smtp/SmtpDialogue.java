package dev.vigil.healthcheck.smtp;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.healthcheck.net.Failures;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * The client side of a short SMTP session (RFC 5321 section 4.1): wait for the 220 greeting,
 * send EHLO (HELO if EHLO is refused with 5xx, section 4.1.4), then QUIT. Replies may span
 * lines ({@code 250-...} continues, {@code 250 ...} ends, section 4.2.1).
 */
final class SmtpDialogue extends SimpleChannelInboundHandler<String> {
    private enum Step { GREETING, EHLO, HELO, QUIT, DONE }

    private final String heloName;
    private final Attempt attempt;
    private Step step = Step.GREETING;

    SmtpDialogue(String heloName, Attempt attempt) {
        this.heloName = heloName;
        this.attempt = attempt;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (step == Step.DONE || (l.length() > 3 && l.charAt(3) == '-')) {
            return;
        }
        int code = code(l);
        if (code < 0) {
            fail(ctx, "not an SMTP reply: '" + l + "'");
            return;
        }
        switch (step) {
            case GREETING -> expect(ctx, l, code / 100 == 2, Step.EHLO, "EHLO " + heloName);
            case EHLO -> {
                if (code / 100 == 5) {
                    send(ctx, Step.HELO, "HELO " + heloName);
                } else {
                    expect(ctx, l, code / 100 == 2, Step.QUIT, "QUIT");
                }
            }
            case HELO -> expect(ctx, l, code / 100 == 2, Step.QUIT, "QUIT");
            case QUIT -> {
                step = Step.DONE;
                if (code / 100 == 2 || code / 100 == 3) {
                    attempt.up("SMTP " + code);
                } else {
                    attempt.down("SMTP QUIT answered '" + l + "'");
                }
            }
            default -> { }
        }
    }

    private void expect(ChannelHandlerContext ctx, String line, boolean ok, Step next, String command) {
        if (ok) {
            send(ctx, next, command);
        } else {
            fail(ctx, "SMTP " + step.name().toLowerCase(java.util.Locale.ROOT) + " answered '" + line + "'");
        }
    }

    private void send(ChannelHandlerContext ctx, Step next, String command) {
        step = next;
        ctx.writeAndFlush(command + "\r\n");
    }

    private static int code(String line) {
        if (line.length() < 3) {
            return -1;
        }
        try {
            int c = Integer.parseInt(line.substring(0, 3));
            return c >= 200 && c <= 599 ? c : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (step != Step.DONE) {
            fail(ctx, "SMTP server closed the connection during " + step.name());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, Failures.describe(cause));
    }

    private void fail(ChannelHandlerContext ctx, String message) {
        step = Step.DONE;
        attempt.down(message);
        ctx.close();
    }
}
