package dev.vigil.conf.tree;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** A scalar value, always kept as the text written; the binder converts it to the key's type. */
public record ScalarNode(String value, SourcePosition position) implements ConfNode {
    public ScalarNode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String kind() {
        return "a scalar";
    }
}
