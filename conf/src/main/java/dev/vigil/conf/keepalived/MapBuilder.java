package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the map of one keepalived block: single values, lists that grow, and maps of named sections. */
final class MapBuilder {
    private final SourcePosition position;
    private final Diagnostics diagnostics;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    private static final class Slot {
        SourcePosition keyPosition;
        ConfNode value;
        List<ConfNode> items;
        List<MapNode.Entry> named;
    }

    MapBuilder(SourcePosition position, Diagnostics diagnostics) {
        this.position = position;
        this.diagnostics = diagnostics;
    }

    /** Sets a single value; a second one replaces the first, as in keepalived, with a warning. */
    void set(String key, SourcePosition at, ConfNode value) {
        Slot slot = slot(key, at);
        if (slot.value != null) {
            diagnostics.warning(at, "'" + key + "' is set twice; the last one counts",
                    "first set at " + slot.value.position());
        }
        slot.value = value;
    }

    void set(String key, SourcePosition at, String value) {
        set(key, at, new ScalarNode(value, at));
    }

    /** Appends an item to a list. */
    void add(String key, SourcePosition at, ConfNode item) {
        Slot slot = slot(key, at);
        if (slot.items == null) {
            slot.items = new ArrayList<>();
        }
        slot.items.add(item);
    }

    /** Adds a named section to a map of them (a repeated name is kept, for the binder to report). */
    void addNamed(String key, SourcePosition at, String name, SourcePosition nameAt, ConfNode body) {
        Slot slot = slot(key, at);
        if (slot.named == null) {
            slot.named = new ArrayList<>();
        }
        slot.named.add(new MapNode.Entry(name, nameAt, body));
    }

    /** The single value set for {@code key}, if any. */
    java.util.Optional<ConfNode> value(String key) {
        Slot slot = slots.get(key);
        return slot == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(slot.value);
    }

    /** Sets a single value without the warning about a second one. */
    void replace(String key, SourcePosition at, ConfNode value) {
        slot(key, at).value = value;
    }

    boolean has(String key) {
        return slots.containsKey(key);
    }

    MapNode build() {
        List<MapNode.Entry> entries = new ArrayList<>();
        slots.forEach((key, slot) -> {
            ConfNode value = slot.value != null ? slot.value
                    : slot.items != null ? new ListNode(slot.items, slot.keyPosition)
                    : new MapNode(slot.named, slot.keyPosition);
            entries.add(new MapNode.Entry(key, slot.keyPosition, value));
        });
        return new MapNode(entries, position);
    }

    private Slot slot(String key, SourcePosition at) {
        return slots.computeIfAbsent(key, k -> {
            Slot s = new Slot();
            s.keyPosition = at;
            return s;
        });
    }
}
