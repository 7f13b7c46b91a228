package dev.vigil.daemon.service;

import dev.vigil.daemon.runtime.Capabilities;
import dev.vigil.daemon.runtime.ConfigCheck;
import dev.vigil.daemon.runtime.InterfaceCheck;
import dev.vigil.daemon.runtime.ScriptSecurity;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code vigil run} checks about the host before it starts.
 *
 * @param missingCapabilities the needed capabilities this process lacks, by name
 * @param config              checks of the model against the host (interfaces exist), also run on reload
 */
public record HostChecks(Supplier<List<String>> missingCapabilities, ConfigCheck config) {
    public HostChecks {
        Objects.requireNonNull(missingCapabilities, "missingCapabilities");
        Objects.requireNonNull(config, "config");
    }

    /**
     * The real host: CapEff of /proc/self/status, interfaces in /sys/class/net, and scripts'
     * ownership and permissions under enable_script_security.
     */
    public static HostChecks system() {
        return new HostChecks(Capabilities::missing, ConfigCheck.all(InterfaceCheck.sysfs(), ScriptSecurity.system()));
    }
}
