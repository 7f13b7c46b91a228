package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.MapNode;

import java.util.Objects;

/**
 * A section a plugin gives meaning to (a checker, a notifier, a VIP backend): its {@code type} and
 * its other keys as a tree with positions, validated by the {@code SectionValidator} for that type.
 */
public record Section(String type, MapNode params, SourcePosition position) {
    public Section {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(position, "position");
    }
}
