package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** An interface whose link state an instance tracks: FAULT when down, or a priority change with a weight. */
public record TrackInterface(
        @Primary @Doc("Interface name.") String name,
        @Default("0") @Range(min = -253, max = 253) @Doc(value = "Priority change; 0 means FAULT when down.", keepalived = "IF weight N") int weight,
        @Doc(value = "Reverse the direction of the priority change.", keepalived = "IF weight N reverse") boolean reverse,
        SourcePosition position) {

    public TrackInterface {
        Objects.requireNonNull(name, "name");
    }
}
