package dev.vigil.daemon.plugin;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;
import dev.vigil.plugin.Location;
import dev.vigil.plugin.Section;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the configuration model's plugin sections to the plugin API's {@link Section}: scalars
 * become strings, lists stay lists, nested maps become sections named by their key (an
 * {@code HTTP_GET}'s {@code url}); every value keeps its file, line and column.
 */
public final class PluginSections {
    private PluginSections() {
    }

    /** {@code section} without the keys in {@code skip} (the ones the host reads itself). */
    public static Section of(dev.vigil.conf.model.Section section, Set<String> skip) {
        Map<String, Section.Setting> settings = new LinkedHashMap<>();
        for (MapNode.Entry e : section.params().entries()) {
            if (!skip.contains(e.key())) {
                settings.put(e.key(), new Section.Setting(e.key(), value(e.key(), e.value()), location(e.keyPosition())));
            }
        }
        return new Section(section.type(), location(section.position()), settings);
    }

    private static Object value(String key, ConfNode node) {
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        if (node instanceof ListNode l) {
            return l.items().stream().map(i -> value(key, i)).toList();
        }
        MapNode m = (MapNode) node;
        Map<String, Section.Setting> nested = new LinkedHashMap<>();
        for (MapNode.Entry e : m.entries()) {
            nested.put(e.key(), new Section.Setting(e.key(), value(e.key(), e.value()), location(e.keyPosition())));
        }
        return new Section(key, location(m.position()), nested);
    }

    public static Location location(SourcePosition p) {
        return new Location(p.file(), p.line(), p.column());
    }

    public static SourcePosition position(Location l) {
        return new SourcePosition(l.file(), l.line(), l.column());
    }

    /** The values of a list setting, for callers that need them flat. */
    static List<Object> items(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}
