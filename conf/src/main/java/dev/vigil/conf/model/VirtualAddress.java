package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** A virtual (or static) address with its {@code ip address add} options. */
public record VirtualAddress(
        @Primary @Doc(value = "Address and prefix length (/32 or /128 when omitted).", keepalived = "IP[/LEN] [options]") IpPrefix address,
        @Doc(value = "Broadcast address.", keepalived = "brd IP") IpAddress brd,
        @Doc(value = "Interface; the instance's interface when unset.", keepalived = "dev IF") String dev,
        @Doc(value = "Scope: global, site, link, host or nowhere.", keepalived = "scope SCOPE") String scope,
        @Doc(value = "Label (eth0:1 style).", keepalived = "label LABEL") String label,
        @Doc(value = "Peer address of a point-to-point address.", keepalived = "peer IP") IpAddress peer,
        @Doc(value = "Do not leave MASTER when the address is removed behind the daemon's back.", keepalived = "no_track") boolean noTrack,
        @Doc(value = "IPv6 preferred lifetime: a number of seconds or forever.", keepalived = "preferred_lft N|forever") String preferredLft,
        SourcePosition position) {

    public VirtualAddress {
        Objects.requireNonNull(address, "address");
    }
}
