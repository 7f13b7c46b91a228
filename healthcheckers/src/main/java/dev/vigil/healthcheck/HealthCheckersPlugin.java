package dev.vigil.healthcheck;

import dev.vigil.healthcheck.net.Transport;
import org.pf4j.Plugin;

/**
 * The plugin's life cycle: the checkers' shared event loop group is created on the first check
 * and closed here when the host stops the plugin.
 */
public final class HealthCheckersPlugin extends Plugin {

    @Override
    public void stop() {
        Transport.shutdown();
    }
}
