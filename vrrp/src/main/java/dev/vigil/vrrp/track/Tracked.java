package dev.vigil.vrrp.track;

import java.util.Objects;

/**
 * One {@code track_*} line of an instance: the tracked object's name, the weight that applies
 * (the line's own, else the object's default) and whether its direction is reversed.
 */
public record Tracked(String name, int weight, boolean reverse) {
    public Tracked {
        Objects.requireNonNull(name, "name");
    }
}
