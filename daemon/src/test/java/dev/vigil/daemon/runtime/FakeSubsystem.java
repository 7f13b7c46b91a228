package dev.vigil.daemon.runtime;

import dev.vigil.conf.model.VigilConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** A subsystem that records what the daemon asks of it in a log shared with its siblings. */
public final class FakeSubsystem implements Subsystem {
    private final String name;
    private final List<String> log;
    private final List<VigilConfig[]> reloads = Collections.synchronizedList(new ArrayList<>());
    private RuntimeException failStart;
    private BiFunction<VigilConfig, VigilConfig, ReloadOutcome> onReload =
            (p, n) -> ReloadOutcome.applied(List.of("applied"));
    private VigilConfig config;

    public FakeSubsystem(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    /** The next start throws {@code e}. */
    public FakeSubsystem failingStart(RuntimeException e) {
        this.failStart = e;
        return this;
    }

    /** Reloads answer with {@code f}. */
    public FakeSubsystem onReload(BiFunction<VigilConfig, VigilConfig, ReloadOutcome> f) {
        this.onReload = f;
        return this;
    }

    /** The (previous, next) pairs of every reload call. */
    public List<VigilConfig[]> reloads() {
        return reloads;
    }

    public VigilConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(VigilConfig c) {
        log.add("start " + name);
        if (failStart != null) {
            throw failStart;
        }
        this.config = c;
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        log.add("reload " + name);
        reloads.add(new VigilConfig[] {previous, next});
        ReloadOutcome outcome = onReload.apply(previous, next);
        config = next;
        return outcome;
    }

    @Override
    public Map<String, Object> status() {
        return Map.of("instances", List.of(Map.of("instance", name + "-1", "state", "MASTER")));
    }

    @Override
    public String metrics() {
        return "# HELP vigil_fake_" + name + "_up A fake subsystem's line.\n# TYPE vigil_fake_" + name + "_up gauge\n"
                + "vigil_fake_" + name + "_up{subsystem=\"" + name + "\"} 1\n";
    }

    @Override
    public void close() {
        log.add("close " + name);
    }
}
