package dev.vigil.conf.tree;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;

/** An ordered list of nodes. */
public record ListNode(List<ConfNode> items, SourcePosition position) implements ConfNode {
    public ListNode {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
    }

    @Override
    public String kind() {
        return "a list";
    }
}
