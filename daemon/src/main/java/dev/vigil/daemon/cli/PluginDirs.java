package dev.vigil.daemon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where plugins are loaded from: {@code --plugins-dir}, else the distribution's {@code plugins/} ({@code vigil.home}). */
final class PluginDirs {
    private PluginDirs() {
    }

    static Optional<Path> resolve(Optional<Path> option) {
        if (option.isPresent()) {
            return option;
        }
        String home = System.getProperty("vigil.home");
        if (home != null && Files.isDirectory(Path.of(home, "plugins"))) {
            return Optional.of(Path.of(home, "plugins"));
        }
        return Optional.empty();
    }
}
