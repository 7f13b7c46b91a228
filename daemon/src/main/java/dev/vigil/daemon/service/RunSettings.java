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
 * @param stateDir   where the record of placed virtual addresses is kept, or null for the pid
 *                   file's directory
 */
public record RunSettings(Path configFile, Path controlSocket, Path pidFile, InetSocketAddress http, Path pluginsDir,
                          Path stateDir) {
    /** The default control socket path. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/vigil/vigil.sock");
    /** The default pid file path. */
    public static final Path DEFAULT_PID_FILE = Path.of("/run/vigil/vigil.pid");

    public RunSettings {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(controlSocket, "controlSocket");
        Objects.requireNonNull(pidFile, "pidFile");
    }

    /** Settings keeping their state beside the pid file. */
    public RunSettings(Path configFile, Path controlSocket, Path pidFile, InetSocketAddress http, Path pluginsDir) {
        this(configFile, controlSocket, pidFile, http, pluginsDir, null);
    }

    /**
     * The record of the virtual addresses this daemon placed: {@code NAME.vips.json} for a pid file
     * {@code NAME.pid}, in the state directory. Named after the pid file so that daemons with their
     * own pid files (one per network namespace) never share a record.
     */
    public Path vipRecordFile() {
        String name = pidFile.getFileName().toString();
        String stem = name.endsWith(".pid") ? name.substring(0, name.length() - 4) : name;
        Path dir = stateDir != null ? stateDir : pidFile.toAbsolutePath().getParent();
        return dir.resolve(stem + ".vips.json");
    }

    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(http);
    }

    public Optional<Path> pluginsDirectory() {
        return Optional.ofNullable(pluginsDir);
    }
}
