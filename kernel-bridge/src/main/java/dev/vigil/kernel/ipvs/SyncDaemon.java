package dev.vigil.kernel.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A connection synchronisation daemon. When starting one, zero/{@code null} optional fields
 * leave the kernel's defaults (maxlen from the MTU, group 224.0.0.81, port 8848, ttl 1).
 *
 * @param interfaceName multicast interface
 * @param syncId        sync id (0..255)
 * @param maxLength     UDP payload size of sync messages, or 0
 * @param group         multicast group (IPv4 or IPv6), or {@code null}
 * @param port          UDP port, or 0
 * @param ttl           multicast TTL, or 0
 */
public record SyncDaemon(SyncState state, String interfaceName, int syncId, int maxLength,
                         InetAddress group, int port, int ttl) {
    public SyncDaemon {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    /** A daemon with the kernel's defaults for everything optional. */
    public static SyncDaemon of(SyncState state, String interfaceName, int syncId) {
        return new SyncDaemon(state, interfaceName, syncId, 0, null, 0, 0);
    }
}
