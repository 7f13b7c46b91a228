package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** Instances that change state together: when one leaves MASTER, all do. */
public record VrrpSyncGroup(
        String name,
        @Doc(value = "Names of the member vrrp_instances.", keepalived = "group { NAME ... }") List<String> group,
        @Inline Tracking tracking,
        @Inline NotifyScripts notifyScripts,
        SourcePosition position) {

    public VrrpSyncGroup {
        Objects.requireNonNull(name, "name");
        group = List.copyOf(group);
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
    }
}
