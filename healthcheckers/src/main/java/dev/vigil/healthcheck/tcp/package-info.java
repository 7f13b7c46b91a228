/** TCP_CHECK: a real server is up when it accepts a TCP connection. */
package dev.vigil.healthcheck.tcp;
