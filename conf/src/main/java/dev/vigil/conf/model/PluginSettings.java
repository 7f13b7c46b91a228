package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.MapNode;

import java.util.List;
import java.util.Objects;

/** Where plugins are loaded from, which are disabled, and each plugin's own settings. */
public record PluginSettings(
        @Default("/usr/lib/vigil/plugins") @Doc("Directory of plugin archives.") String directory,
        @Doc("Plugin ids not to start.") List<String> disabled,
        @Doc("Settings by plugin id, passed to each plugin as written.") MapNode settings,
        SourcePosition position) {

    public PluginSettings {
        Objects.requireNonNull(directory, "directory");
        disabled = List.copyOf(disabled);
    }
}
