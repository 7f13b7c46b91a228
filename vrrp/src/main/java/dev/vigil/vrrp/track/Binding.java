package dev.vigil.vrrp.track;

import java.util.Objects;

/** One tracked object of an instance, with the weight the instance applies and the kind of object. */
public record Binding(Tracked tracked, TrackedObject object, PriorityCalculator.Kind kind) {
    public Binding {
        Objects.requireNonNull(tracked, "tracked");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
    }
}
