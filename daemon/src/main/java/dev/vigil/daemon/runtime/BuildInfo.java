package dev.vigil.daemon.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, from the {@code version.properties} Maven fills in. */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** The Maven project version, or "unknown" when the resource is missing. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/vigil/daemon/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
