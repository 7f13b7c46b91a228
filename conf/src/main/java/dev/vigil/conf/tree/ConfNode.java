package dev.vigil.conf.tree;

import dev.vigil.conf.SourcePosition;

/** A node of a configuration tree: a scalar, a list or a map, each with its source position. */
public sealed interface ConfNode permits ScalarNode, ListNode, MapNode {
    SourcePosition position();

    /** "a scalar", "a list" or "a map", for messages. */
    String kind();
}
