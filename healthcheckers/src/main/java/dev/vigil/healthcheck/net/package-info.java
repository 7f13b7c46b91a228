/** What every network checker shares: one event loop group for the plugin, and attempts bounded by their deadline. */
package dev.vigil.healthcheck.net;
