package dev.vigil.conf.tree;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An ordered map of keys to nodes; each key keeps its own position for messages about it. */
public record MapNode(List<Entry> entries, SourcePosition position) implements ConfNode {
    public MapNode {
        entries = List.copyOf(entries);
        Objects.requireNonNull(position, "position");
    }

    /** An empty map at {@code position}. */
    public static MapNode empty(SourcePosition position) {
        return new MapNode(List.of(), position);
    }

    /** The first entry with {@code key}. */
    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The value of the first entry with {@code key}. */
    public Optional<ConfNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
        return "a map";
    }

    /** One key and its value. */
    public record Entry(String key, SourcePosition keyPosition, ConfNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }
}
