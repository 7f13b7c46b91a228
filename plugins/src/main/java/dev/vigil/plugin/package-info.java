/** The plugin API: extension points for health checkers, notifiers and VIP backends. */
package dev.vigil.plugin;
