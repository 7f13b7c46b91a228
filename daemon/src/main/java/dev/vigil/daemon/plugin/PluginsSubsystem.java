package dev.vigil.daemon.plugin;

import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.metrics.MetricsWriter;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.Subsystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plugins of the run as a subsystem: their status (loaded, failed) and metrics. It is first in
 * start order, so it is closed last, after every subsystem that uses the plugins has stopped, and
 * closing it stops the plugins and removes their private copy.
 */
public final class PluginsSubsystem implements Subsystem {
    private final PluginHost plugins;

    public PluginsSubsystem(PluginHost plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public void start(VigilConfig config) {
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        return ReloadOutcome.applied(List.of());
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loaded", plugins.loaded());
        m.put("failed", plugins.failures());
        m.put("checkers", List.copyOf(plugins.checkers().keySet()));
        m.put("notifiers", List.copyOf(plugins.notifiers().keySet()));
        m.put("vip_backends", List.copyOf(plugins.vipBackends().keySet()));
        return m;
    }

    @Override
    public String metrics() {
        MetricsWriter w = new MetricsWriter();
        w.gauge("vigil_plugins_loaded", "Plugins loaded and started from the plugins directory.")
                .sample(plugins.loaded().size());
        w.gauge("vigil_plugin_load_failures", "Archives or folders of the plugins directory that gave no started plugin.")
                .sample(plugins.failures().size());
        return w.toString();
    }

    @Override
    public void close() {
        plugins.close();
    }
}
