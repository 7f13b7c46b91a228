package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** A reference to a tracked script, file or process, optionally overriding its weight. */
public record TrackRef(
        @Primary @Doc("Name of the vrrp_script, track_file or track_process.") String name,
        @Range(min = -254, max = 254) @Doc(value = "Priority change; the tracked object's weight when unset.", keepalived = "NAME weight N") Integer weight,
        @Doc(value = "Reverse the direction of the priority change.", keepalived = "NAME weight N reverse") boolean reverse,
        SourcePosition position) {

    public TrackRef {
        Objects.requireNonNull(name, "name");
    }
}
