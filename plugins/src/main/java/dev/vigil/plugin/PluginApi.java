package dev.vigil.plugin;

/**
 * The version of this API. A plugin states the range it was built for in its manifest
 * ({@code Plugin-Requires}, e.g. {@code >=1.0.0 & <2.0.0}); the host refuses plugins whose range
 * does not contain {@link #VERSION}. The minor version grows with additions that keep old plugins
 * working; the major version changes when something is removed or changes meaning.
 */
public final class PluginApi {
    public static final String VERSION = "1.0.0";

    private PluginApi() {
    }
}
