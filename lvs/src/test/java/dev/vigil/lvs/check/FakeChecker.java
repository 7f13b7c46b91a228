package dev.vigil.lvs.check;

import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleSupplier;

/**
 * A checker whose behaviour a test sets: answer healthy or not at once, throw, or hang (return a
 * stage the test completes later). Records when each attempt started.
 */
public final class FakeChecker implements HealthChecker {
    public enum Mode { UP, DOWN, THROW, HANG }

    private final DoubleSupplier clockSeconds;
    private final List<Double> attempts = new ArrayList<>();
    private final List<CompletableFuture<CheckResult>> hung = new ArrayList<>();
    private final List<CheckTarget> targets = new ArrayList<>();
    private Mode mode = Mode.UP;
    private Integer weight;
    private boolean closed;

    public FakeChecker(DoubleSupplier clockSeconds) {
        this.clockSeconds = clockSeconds;
    }

    public FakeChecker mode(Mode m) {
        this.mode = m;
        return this;
    }

    public FakeChecker weight(Integer w) {
        this.weight = w;
        return this;
    }

    public List<Double> attempts() {
        return attempts;
    }

    public List<CheckTarget> targets() {
        return targets;
    }

    public List<CompletableFuture<CheckResult>> hung() {
        return hung;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        attempts.add(clockSeconds.getAsDouble());
        targets.add(target);
        return switch (mode) {
            case UP -> {
                CheckResult r = CheckResult.up("ok", Duration.ZERO);
                yield CompletableFuture.completedFuture(weight == null ? r : r.withWeight(weight));
            }
            case DOWN -> CompletableFuture.completedFuture(CheckResult.down("connection refused", Duration.ZERO));
            case THROW -> throw new IllegalStateException("boom");
            case HANG -> {
                CompletableFuture<CheckResult> f = new CompletableFuture<>();
                hung.add(f);
                yield f;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }
}
