/** The Vigil daemon: entry point, wiring of the subsystems, control and status interfaces. */
package dev.vigil.daemon;
