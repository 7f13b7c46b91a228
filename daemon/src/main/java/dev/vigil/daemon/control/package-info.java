/** The control socket: one JSON request per line on an AF_UNIX stream socket, one JSON reply line each. */
package dev.vigil.daemon.control;
