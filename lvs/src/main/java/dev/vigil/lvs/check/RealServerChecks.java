package dev.vigil.lvs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The checks of one real server taken together, as keepalived does: the server is up while every
 * one of its checks is up (a server without checks is always up). Reports each change of that
 * conjunction, and dynamic weights, to its listener. Confined to the loop.
 */
public final class RealServerChecks implements CheckRunner.Listener, AutoCloseable {
    /** Hears the real server's transitions; called on the loop. */
    public interface Listener {
        /** The server went up or down ({@code weight} set when a check gave a dynamic weight). */
        void health(boolean up, OptionalInt weight, String reason);
    }

    /** Makes a runner for one plan, listening to {@code listener}. */
    @FunctionalInterface
    public interface RunnerFactory {
        CheckRunner create(CheckPlan plan, boolean initiallyUp, CheckRunner.Listener listener);
    }

    private final List<CheckRunner> runners = new ArrayList<>();
    private final Listener listener;
    private boolean up;

    public RealServerChecks(List<CheckPlan> plans, boolean initiallyUp, RunnerFactory factory, Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        for (CheckPlan p : plans) {
            runners.add(factory.create(p, initiallyUp, this));
        }
        this.up = runners.isEmpty() || initiallyUp;
    }

    public void start() {
        runners.forEach(CheckRunner::start);
    }

    public void suspend() {
        runners.forEach(CheckRunner::suspend);
    }

    public void resume() {
        runners.forEach(CheckRunner::resume);
    }

    public boolean up() {
        return up;
    }

    public List<CheckRunner> runners() {
        return List.copyOf(runners);
    }

    @Override
    public void stateChanged(CheckRunner runner, boolean runnerUp, String reason) {
        boolean all = runners.stream().allMatch(CheckRunner::up);
        if (all != up) {
            up = all;
            listener.health(up, OptionalInt.empty(), runner.plan().type() + ": " + reason);
        }
    }

    @Override
    public void weightChanged(CheckRunner runner, int weight) {
        listener.health(up, OptionalInt.of(weight), runner.plan().type() + ": dynamic weight " + weight);
    }

    @Override
    public void close() {
        runners.forEach(CheckRunner::close);
    }
}
