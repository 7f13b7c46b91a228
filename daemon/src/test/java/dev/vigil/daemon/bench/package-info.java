/** The VRRP failover benchmark: a Vigil pair and a keepalived pair on the same keepalived.conf, timed from a client. */
package dev.vigil.daemon.bench;
