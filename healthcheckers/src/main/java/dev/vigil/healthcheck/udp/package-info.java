/** UDP_CHECK: send a datagram; an ICMP error (or a wrong or missing reply when one is required) is down. */
package dev.vigil.healthcheck.udp;
