/** The {@code vigil} command line (picocli): one class per command. */
package dev.vigil.daemon.cli;
