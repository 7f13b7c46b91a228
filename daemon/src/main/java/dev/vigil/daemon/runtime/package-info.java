/** The daemon's lifecycle: subsystems started, reloaded and stopped around one configuration file. */
package dev.vigil.daemon.runtime;
