package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** Addresses and firewall marks that share one virtual server definition. */
public record VirtualServerGroup(
        String name,
        @Doc(value = "Members.", keepalived = "the lines of the block") List<GroupMember> members,
        SourcePosition position) {

    public VirtualServerGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
