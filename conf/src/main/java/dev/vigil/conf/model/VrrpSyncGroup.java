package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/**
 * Instances that change state together: when one leaves MASTER, all do. What the group tracks is
 * tracked by every member, without weight: a failure puts the whole group in FAULT.
 */
public record VrrpSyncGroup(
        String name,
        @Doc(value = "Names of the member vrrp_instances.", keepalived = "group { NAME ... }") List<String> group,
        @Inline Tracking tracking,
        @Inline NotifyScripts notifyScripts,
        @Doc("Keep the tracking weights of member instances; by default they are set to 0, so that a tracked"
                + " failure puts the whole group in FAULT instead of splitting its priorities.")
        boolean syncGroupTrackingWeight,
        SourcePosition position) {

    public VrrpSyncGroup {
        Objects.requireNonNull(name, "name");
        group = List.copyOf(group);
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(notifyScripts, "notifyScripts");
    }
}
