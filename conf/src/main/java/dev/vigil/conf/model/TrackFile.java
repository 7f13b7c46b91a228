package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** A file holding a number that, times the weight, changes the priority of instances tracking it. */
public record TrackFile(
        String name,
        @Required @Doc("Path of the file.") String file,
        @Default("1") @Range(min = -254, max = 254) @Doc(value = "Multiplier of the number read.", keepalived = "weight N [reverse]") int weight,
        @Doc("Reverse the direction of the priority change.") boolean reverse,
        SourcePosition position) {

    public TrackFile {
        Objects.requireNonNull(name, "name");
    }
}
