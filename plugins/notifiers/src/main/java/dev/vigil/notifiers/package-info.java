/** Vigil's notifiers (script, fifo, email, webhook) speaking keepalived's formats, as a plugin. */
package dev.vigil.notifiers;
