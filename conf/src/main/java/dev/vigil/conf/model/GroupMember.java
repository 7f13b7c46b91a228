package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

/** One member of a virtual_server_group: an address (range) with a port, or a firewall mark. */
public record GroupMember(
        @Doc(value = "Address or range (192.0.2.3-10, 2001:db8::2-9).", keepalived = "IP[-LAST] PORT") AddressRange ip,
        @Range(min = 0, max = 65535) @Doc("Port.") Integer port,
        @Range(min = 1, max = 4294967295L) @Doc(value = "Firewall mark.", keepalived = "fwmark N") Long fwmark,
        SourcePosition position) {
}
