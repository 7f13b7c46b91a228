/** The notifier extension point: state-change events delivered in order, off the protocol's thread. */
package dev.vigil.plugin.notify;
