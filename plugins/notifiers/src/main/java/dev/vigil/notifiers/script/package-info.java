/** The {@code script} notifier: a command run per event with keepalived's notify arguments. */
package dev.vigil.notifiers.script;
