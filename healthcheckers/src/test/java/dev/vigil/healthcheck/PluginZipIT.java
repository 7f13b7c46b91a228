package dev.vigil.healthcheck;

import dev.vigil.plugin.PluginApi;
import dev.vigil.plugin.check.HealthCheckerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Loads the packaged plugin zip (built in the package phase, so this runs in verify) the way the
 * daemon does: PF4J's DefaultPluginManager over a plugins directory. Needs no root.
 */
class PluginZipIT {
    @TempDir
    Path plugins;

    @Test
    void theZipLoadsAndOffersEveryChecker() throws Exception {
        Path zip = Path.of("target", "vigil-healthcheckers-" + System.getProperty("project.version", "0.1.0-SNAPSHOT")
                + ".zip");
        if (!Files.exists(zip)) {
            System.out.println("PluginZipIT skipped: " + zip.toAbsolutePath() + " not built (run mvn verify)");
            assumeTrue(false, "plugin zip not built");
        }
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertThat(manager.getPlugin("vigil-healthcheckers")).isNotNull();
            assertThat(manager.getPlugin("vigil-healthcheckers").getPluginState()).isEqualTo(PluginState.STARTED);
            List<String> types = manager.getExtensions(HealthCheckerFactory.class, "vigil-healthcheckers").stream()
                    .map(HealthCheckerFactory::type).sorted().toList();
            assertThat(types).containsExactly("DNS_CHECK", "FILE_CHECK", "HTTP_GET", "MISC_CHECK", "PING_CHECK",
                    "SMTP_CHECK", "SSL_GET", "TCP_CHECK", "UDP_CHECK");
            HealthCheckerFactory tcp = manager.getExtensions(HealthCheckerFactory.class, "vigil-healthcheckers").stream()
                    .filter(f -> f.type().equals("TCP_CHECK")).findFirst().orElseThrow();
            assertThat(tcp.getClass().getClassLoader()).as("loaded from the zip, not the class path")
                    .isNotSameAs(getClass().getClassLoader());
        } finally {
            // stopPlugins() of pf4j 3.15 trips over its own list (ConcurrentModificationException).
            if (manager.getPlugin("vigil-healthcheckers") != null) {
                manager.stopPlugin("vigil-healthcheckers");
            }
            manager.unloadPlugins();
        }
    }
}
