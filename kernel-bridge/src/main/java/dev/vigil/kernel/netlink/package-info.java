/** Netlink in pure Java: message and attribute codec, request/ack/dump client, transports. */
package dev.vigil.kernel.netlink;
