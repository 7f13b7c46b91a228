package dev.vigil.healthcheck.file;

import dev.vigil.healthcheck.net.Attempt;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads a number from the file (its first word). With weight 0, 0 is up and anything else down
 * (keepalived's status use of a track file); otherwise the value times the weight (negated with
 * {@code reverse}) must not be negative. A missing or unreadable file, or one without a number,
 * is down. The read runs on the host's blocking executor.
 */
public final class FileChecker implements HealthChecker {
    /** More than any number needs: a track file holds one value. */
    private static final int MAX_BYTES = 4096;

    private final FileSettings settings;
    private final PluginContext context;

    public FileChecker(FileSettings settings, PluginContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        Attempt a = new Attempt(target, context.clock(), context.scheduler(), "file not read by the deadline");
        try {
            context.blocking().execute(() -> a.finish(read(a)));
        } catch (RejectedExecutionException e) {
            a.down("no thread free to read " + settings.file() + ": " + e.getMessage());
        }
        return a.future();
    }

    private CheckResult read(Attempt a) {
        String text;
        try (var in = Files.newInputStream(settings.file())) {
            text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return CheckResult.down(settings.file() + " does not exist", a.elapsed());
        } catch (IOException e) {
            return CheckResult.down("cannot read " + settings.file() + ": " + e.getMessage(), a.elapsed());
        }
        long value;
        try {
            value = Long.parseLong(text.isEmpty() ? "0" : text.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return CheckResult.down(settings.file() + " holds no number: '" + text + "'", a.elapsed());
        }
        return judge(value, a);
    }

    private CheckResult judge(long value, Attempt a) {
        if (settings.weight() == 0) {
            return value == 0 ? CheckResult.up("value 0", a.elapsed())
                    : CheckResult.down("value " + value, a.elapsed());
        }
        long product = value * settings.weight() * (settings.reverse() ? -1 : 1);
        String message = "value " + value + " × weight " + settings.weight() + (settings.reverse() ? " reversed" : "")
                + " = " + product;
        return product < 0 ? CheckResult.down(message, a.elapsed()) : CheckResult.up(message, a.elapsed());
    }
}
