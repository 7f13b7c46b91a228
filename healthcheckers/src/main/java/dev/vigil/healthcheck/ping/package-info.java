/** PING_CHECK: an ICMP echo through the JDK's {@code InetAddress.isReachable}, on the host's bounded blocking executor. */
package dev.vigil.healthcheck.ping;
