package dev.vigil.healthcheck.misc;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code misc_path} as a process, waiting for it with {@code Process.onExit()} rather than a
 * thread of its own. Exit 0 is up, anything else down; with {@code misc_dynamic}, exit 1 is down
 * and 2-255 up with weight {@code code - 2}. A process still running at {@code misc_timeout} (or
 * the deadline) is killed with its descendants, and the check is down.
 */
public final class MiscChecker implements HealthChecker {
    private final MiscSettings settings;
    private final PluginContext context;

    public MiscChecker(MiscSettings settings, PluginContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        Attempt a = new Attempt(target, context.clock(), context.scheduler(),
                "still running at the deadline (" + target.timeout().toMillis() + " ms): killed");
        settings.timeout().filter(t -> t.compareTo(a.remaining()) < 0).ifPresent(t -> {
            var timer = context.scheduler().schedule(() -> a.down("misc_timeout " + t.toMillis() + " ms: killed"),
                    t.toNanos(), TimeUnit.NANOSECONDS);
            a.onEnd(() -> timer.cancel(false));
        });
        try {
            context.blocking().execute(() -> start(a));
        } catch (RejectedExecutionException e) {
            a.down("no thread free to start the program: " + e.getMessage());
        }
        return a.future();
    }

    private void start(Attempt a) {
        if (a.done()) {
            return;
        }
        Process p;
        try {
            p = new ProcessBuilder(settings.command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            a.down("cannot run " + settings.path() + ": " + e.getMessage());
            return;
        }
        a.onEnd(() -> kill(p));
        p.onExit().thenAccept(done -> a.finish(judge(done.exitValue(), a.elapsed())));
    }

    CheckResult judge(int code, Duration elapsed) {
        if (code == 0) {
            return CheckResult.up("exit status 0", elapsed);
        }
        if (settings.dynamic() && code >= 2 && code <= 255) {
            return CheckResult.up("exit status " + code + ": weight " + (code - 2), elapsed).withWeight(code - 2);
        }
        return CheckResult.down("exit status " + code, elapsed);
    }

    private static void kill(Process p) {
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
