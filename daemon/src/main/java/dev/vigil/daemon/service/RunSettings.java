package dev.vigil.daemon.service;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of {@code vigil run}.
 *
 * @param http       where to serve /status and /metrics, or null for no HTTP endpoint
 * @param pluginsDir where plugin archives are, or null for the configuration's plugins.directory
 */
public record RunSettings(Path configFile, Path controlSocket, Path pidFile, InetSocketAddress http, Path pluginsDir) {
    /** The default control socket path. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/vigil/vigil.sock");
    /** The default pid file path. */
    public static final Path DEFAULT_PID_FILE = Path.of("/run/vigil/vigil.pid");

    public RunSettings {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(controlSocket, "controlSocket");
        Objects.requireNonNull(pidFile, "pidFile");
    }

    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(http);
    }

    public Optional<Path> pluginsDirectory() {
        return Optional.ofNullable(pluginsDir);
    }
}
