package dev.vigil.example.redis;

import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One attempt: connect, write {@code AUTH} and {@code ROLE} pipelined, read until the replies are
 * complete, judge them ({@link RoleVerdict}). The result completes once, by the target's deadline
 * at the latest: a timer on the host's scheduler ends the attempt then, and ending it closes the
 * socket, which fails whatever operation is still pending. Socket operations run one after the
 * other, so the decoder and the state below are only touched by one completion at a time.
 */
final class RoleProbe {
    private final RedisRoleSettings settings;
    private final CheckTarget target;
    private final Clock clock;
    private final AsynchronousChannelGroup group;
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<CheckResult> result = new CompletableFuture<>();
    private final RespDecoder decoder = new RespDecoder();
    private final ByteBuffer in = ByteBuffer.allocate(4096);
    private volatile boolean connected;
    private volatile AsynchronousSocketChannel channel;
    private boolean authAnswered;

    RoleProbe(RedisRoleSettings settings, CheckTarget target, Clock clock, AsynchronousChannelGroup group,
              ScheduledExecutorService timer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.group = Objects.requireNonNull(group, "group");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /** Starts the attempt and returns at once. */
    CompletableFuture<CheckResult> start() {
        Duration left = Duration.between(clock.instant(), target.deadline());
        if (left.isNegative() || left.isZero()) {
            down("the deadline passed before the check started");
            return result;
        }
        try {
            channel = AsynchronousSocketChannel.open(group);
            if (target.bindTo().isPresent()) {
                channel.bind(target.bindTo().get());
            }
        } catch (IOException e) {
            down("cannot open a socket: " + e.getMessage());
            close();
            return result;
        }
        ScheduledFuture<?> deadline = timer.schedule(this::expire, left.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> {
            deadline.cancel(false);
            close();
        });
        channel.connect(target.address(), null, on(v -> send()));
        return result;
    }

    private void expire() {
        long ms = target.timeout().toMillis();
        down(connected ? "no reply within " + ms + " ms" : "connect timeout after " + ms + " ms");
    }

    private void send() {
        connected = true;
        byte[] role = Resp.command("ROLE");
        write(settings.password().map(p -> Resp.pipeline(Resp.command("AUTH", p), role))
                .orElseGet(() -> Resp.pipeline(role)));
    }

    private void write(ByteBuffer out) {
        channel.write(out, null, on(n -> {
            if (out.hasRemaining()) {
                write(out);
            } else {
                read();
            }
        }));
    }

    private void read() {
        in.clear();
        channel.read(in, null, on(this::received));
    }

    private void received(Integer n) {
        if (n < 0) {
            down("connection closed before the " + (awaitingAuth() ? "AUTH" : "ROLE") + " reply");
            return;
        }
        in.flip();
        decoder.append(in);
        for (Optional<RespReply> r = decoder.next(); r.isPresent(); r = decoder.next()) {
            if (judge(r.get())) {
                return;
            }
        }
        read();
    }

    /** Takes one reply; true when the attempt has its result. */
    private boolean judge(RespReply reply) {
        if (awaitingAuth()) {
            authAnswered = true;
            Optional<CheckResult> refused = RoleVerdict.auth(reply, elapsed());
            refused.ifPresent(this::finish);
            return refused.isPresent();
        }
        finish(RoleVerdict.role(settings.role(), reply, elapsed()));
        return true;
    }

    private boolean awaitingAuth() {
        return settings.password().isPresent() && !authAnswered;
    }

    /** A completion handler that runs {@code next} unless the attempt has ended, and ends it on failure. */
    private <V> CompletionHandler<V, Void> on(Consumer<V> next) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V value, Void attachment) {
                if (result.isDone()) {
                    return;
                }
                try {
                    next.accept(value);
                } catch (RespException e) {
                    down("malformed reply: " + e.getMessage());
                } catch (RuntimeException e) {
                    down("check failed: " + e);
                }
            }

            @Override
            public void failed(Throwable e, Void attachment) {
                down(describe(e));
            }
        };
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void down(String message) {
        finish(CheckResult.down(message, elapsed()));
    }

    private void finish(CheckResult r) {
        result.complete(r);
    }

    private void close() {
        AsynchronousSocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    /** {@code connect refused}, {@code no route to host}, or the exception's message. */
    static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException && m.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            return "connect refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof AsynchronousCloseException) {
            return "connection closed";
        }
        return m;
    }
}
