package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

/** A virtual (or static) policy routing rule with the {@code ip rule add} options Vigil sets. */
public record Rule(
        @Doc("Source prefix.") IpPrefix from,
        @Doc("Destination prefix.") IpPrefix to,
        @Doc(value = "Table to look up (number or name).", keepalived = "table T | lookup T") String table,
        @Range(min = 0, max = 4294967295L) @Doc(value = "Rule preference.", keepalived = "preference N | priority N | prio N") Long preference,
        @Doc("Firewall mark, MARK[/MASK].") String fwmark,
        @Doc(value = "Input interface.", keepalived = "iif IF") String iif,
        @Doc(value = "Output interface.", keepalived = "oif IF") String oif,
        @Doc("Rule action when not a table lookup: blackhole, unreachable, prohibit or goto N.") String action,
        @Doc("Do not leave MASTER when the rule is removed behind the daemon's back.") boolean noTrack,
        SourcePosition position) {
}
