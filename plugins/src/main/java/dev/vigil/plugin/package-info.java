/** The plugin API: extension points for health checkers, notifiers and VIP backends, and what the host hands them. */
package dev.vigil.plugin;
