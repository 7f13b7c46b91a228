package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** A virtual (or static) route with the {@code ip route add} options Vigil sets. */
public record Route(
        @Primary @Doc(value = "Destination prefix.", keepalived = "[to] PREFIX") IpPrefix to,
        @Doc(value = "Route type: unicast, blackhole, unreachable, prohibit or throw.", keepalived = "TYPE PREFIX") String type,
        @Doc(value = "Preferred source address.", keepalived = "src IP") IpAddress src,
        @Key(aliases = "gw") @Doc(value = "Gateway.", keepalived = "via IP | gw IP") IpAddress via,
        @Doc(value = "Further gateways of a multipath route.", keepalived = "or IP") List<IpAddress> or,
        @Doc(value = "Output interface.", keepalived = "dev IF") String dev,
        @Doc("Scope: global, site, link, host or nowhere.") String scope,
        @Doc("Routing table (number or name).") String table,
        @Range(min = 0, max = 4294967295L) @Doc(value = "Route metric.", keepalived = "metric N | preference N") Long metric,
        @Doc("Routing protocol (number or name).") String protocol,
        @Doc("Do not leave MASTER when the route is removed behind the daemon's back.") boolean noTrack,
        SourcePosition position) {

    public Route {
        Objects.requireNonNull(to, "to");
        or = List.copyOf(or);
    }
}
