package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server of a virtual service. Its address family may differ from the service's (an IPv6
 * server behind an IPv4 service) when it is reached through a tunnel.
 *
 * @param upperThreshold connection limit (0 = none), unsigned
 * @param lowerThreshold connection count to resume at (0 = three quarters of the upper), unsigned
 * @param tunnelType     encapsulation when {@link ForwardMethod#TUNNEL}
 * @param tunnelPort     GUE destination port (0 otherwise)
 * @param tunnelFlags    {@code IP_VS_TUNNEL_ENCAP_FLAG_*} bits: csum, remcsum; 0 = nocsum
 */
public record Destination(InetAddress address, int port, ForwardMethod forward, int weight,
                          int upperThreshold, int lowerThreshold,
                          TunnelType tunnelType, int tunnelPort, int tunnelFlags,
                          int activeConns, int inactiveConns, int persistentConns, Stats stats) {
    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(stats, "stats");
        if (port < 0 || port > 0xffff || tunnelPort < 0 || tunnelPort > 0xffff) {
            throw new IllegalArgumentException("port " + port + " / tunnel port " + tunnelPort);
        }
    }

    /** A destination with thresholds unset and no tunnel options. */
    public static Destination of(InetAddress address, int port, ForwardMethod forward, int weight) {
        return new Destination(address, port, forward, weight, 0, 0, TunnelType.IPIP, 0, 0, 0, 0, 0, Stats.ZERO);
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    /** {@code addr:port} or {@code [addr]:port}. */
    public String describe() {
        return IpAddresses.withPort(address, port);
    }

    public Destination withForward(ForwardMethod f) {
        return new Destination(address, port, f, weight, upperThreshold, lowerThreshold, tunnelType, tunnelPort,
                tunnelFlags, activeConns, inactiveConns, persistentConns, stats);
    }

    public Destination withWeight(int w) {
        return new Destination(address, port, forward, w, upperThreshold, lowerThreshold, tunnelType, tunnelPort,
                tunnelFlags, activeConns, inactiveConns, persistentConns, stats);
    }

    public Destination withThresholds(int upper, int lower) {
        return new Destination(address, port, forward, weight, upper, lower, tunnelType, tunnelPort,
                tunnelFlags, activeConns, inactiveConns, persistentConns, stats);
    }

    /** Tunnel options: {@code type}, GUE {@code port} and encapsulation {@code flags}. */
    public Destination withTunnel(TunnelType type, int tunPort, int flags) {
        return new Destination(address, port, forward, weight, upperThreshold, lowerThreshold, type, tunPort,
                flags, activeConns, inactiveConns, persistentConns, stats);
    }

    public Destination withConns(int active, int inactive, int persistent) {
        return new Destination(address, port, forward, weight, upperThreshold, lowerThreshold, tunnelType,
                tunnelPort, tunnelFlags, active, inactive, persistent, stats);
    }

    public Destination withStats(Stats s) {
        return new Destination(address, port, forward, weight, upperThreshold, lowerThreshold, tunnelType,
                tunnelPort, tunnelFlags, activeConns, inactiveConns, persistentConns, s);
    }

    /** True when the same server (address and port) is meant. */
    public boolean sameServer(Destination other) {
        return address.equals(other.address) && port == other.port;
    }

    /** True when everything a user configures is equal (not connection counts or counters). */
    public boolean sameConfig(Destination other) {
        return withConns(0, 0, 0).withStats(Stats.ZERO).equals(other.withConns(0, 0, 0).withStats(Stats.ZERO));
    }

    @Override
    public String toString() {
        return describe() + " " + forward + " weight " + weight;
    }
}
