/** AF_UNIX datagram sockets: the service manager's notification socket (sd_notify). */
package dev.vigil.kernel.unix;
