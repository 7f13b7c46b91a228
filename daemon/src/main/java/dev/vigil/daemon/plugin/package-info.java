/** The plugin host: loads PF4J plugins, validates their configuration sections and hands them an immutable context. */
package dev.vigil.daemon.plugin;
