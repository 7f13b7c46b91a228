/** A network-namespace lab for {@code vigil lab} and integration tests: nodes on a bridge, keepalived and vigil processes, a ping probe. */
package dev.vigil.daemon.lab;
