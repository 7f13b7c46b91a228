/** The {@code fifo} notifier: keepalived's notify FIFO lines. */
package dev.vigil.notifiers.fifo;
