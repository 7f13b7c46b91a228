package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** The IPVS connection synchronisation daemon, run on the master of one VRRP instance. */
public record LvsSyncDaemon(
        @Required @Key("interface") @Doc("Interface the sync daemon sends on.") String interfaceName,
        @Doc("VRRP instance whose state decides master or backup sync.") String vrrpInstance,
        @Range(min = 0, max = 255) @Doc(value = "Sync id; the instance's VRID when unset.", keepalived = "id N") Integer syncid,
        @Range(min = 1, max = 65507) @Doc("Largest sync message.") Integer maxlen,
        @Range(min = 1, max = 65535) @Doc("UDP port.") Integer port,
        @Range(min = 1, max = 255) @Doc("Multicast TTL.") Integer ttl,
        @Doc("Multicast group.") IpAddress group,
        SourcePosition position) {

    public LvsSyncDaemon {
        Objects.requireNonNull(interfaceName, "interfaceName");
    }
}
