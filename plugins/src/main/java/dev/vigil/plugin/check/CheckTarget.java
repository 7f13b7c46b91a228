package dev.vigil.plugin.check;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check attempt is about.
 *
 * @param address   where to connect: the real server, or keepalived's {@code connect_ip} /
 *                  {@code connect_port} when set
 * @param bindTo    local address (and port, 0 for any) to connect from ({@code bindto} /
 *                  {@code bind_port}), or empty
 * @param fwmark    firewall mark to put on the check's packets ({@code fwmark}), 0 for none
 * @param timeout   {@code connect_timeout}: how long the attempt may take
 * @param deadline  when the attempt must be finished (start + timeout)
 * @param realServer a name for logs and messages, such as {@code 10.0.0.2:80}
 */
public record CheckTarget(InetSocketAddress address, Optional<InetSocketAddress> bindTo, int fwmark,
                          Duration timeout, Instant deadline, String realServer) {
    public CheckTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(realServer, "realServer");
    }
}
