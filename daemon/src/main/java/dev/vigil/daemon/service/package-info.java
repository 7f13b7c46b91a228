/** The running daemon process: pid file, control socket, HTTP endpoint and signals around a {@code Daemon}. */
package dev.vigil.daemon.service;
