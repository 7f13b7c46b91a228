package dev.vigil.healthcheck.ping;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends an ICMP echo with {@code InetAddress.isReachable}: the JDK has no asynchronous ICMP (it
 * needs a raw socket, so root, else it falls back to a TCP connection to port 7, where a refusal
 * also means reachable). The call blocks for up to the timeout, so it runs on the host's bounded
 * blocking executor; the attempt still ends at the deadline when that executor is saturated.
 */
public final class PingChecker implements HealthChecker {
    private final PluginContext context;

    public PingChecker(PluginContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        Attempt a = new Attempt(target, context.clock(), context.scheduler(),
                "no echo reply within " + target.timeout().toMillis() + " ms");
        try {
            context.blocking().execute(() -> ping(a));
        } catch (RejectedExecutionException e) {
            a.down("no thread free for the ping: " + e.getMessage());
        }
        return a.future();
    }

    private static void ping(Attempt a) {
        if (a.done()) {
            return;
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, a.remaining().toMillis()));
        try {
            if (a.target().address().getAddress().isReachable(ms)) {
                a.up("echo reply");
            } else {
                a.down("no echo reply within " + ms + " ms");
            }
        } catch (IOException e) {
            a.down("ping failed: " + e.getMessage());
        }
    }
}
