package dev.vigil.conf.yaml;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.ConfNode;
import dev.vigil.conf.tree.ListNode;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.tree.ScalarNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a YAML document (snakeyaml-engine, YAML 1.2) into a {@link MapNode} whose nodes keep their positions. */
public final class YamlReader {
    private YamlReader() {
    }

    /** The document's root map; empty when the document is empty, null (with an error) when it is not YAML. */
    public static MapNode read(String file, String text, Diagnostics diagnostics) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            SourcePosition at = mark == null ? new SourcePosition(file, 1, 1) : position(file, mark);
            diagnostics.error(at, "YAML syntax error: " + e.getProblem(), e.getContext() == null ? "" : e.getContext());
            return null;
        } catch (YamlEngineException e) {
            diagnostics.error(new SourcePosition(file, 1, 1), "YAML syntax error: " + e.getMessage());
            return null;
        }
        if (root.isEmpty()) {
            return MapNode.empty(new SourcePosition(file, 1, 1));
        }
        ConfNode node = convert(file, root.get());
        if (node instanceof MapNode m) {
            return m;
        }
        if (node instanceof ScalarNode s && s.value().isEmpty()) {
            return MapNode.empty(s.position());
        }
        diagnostics.error(node.position(), "the document must be a map of sections, got " + node.kind());
        return null;
    }

    private static ConfNode convert(String file, Node node) {
        SourcePosition at = node.getStartMark().map(m -> position(file, m)).orElse(new SourcePosition(file, 0, 0));
        if (node instanceof MappingNode m) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                ConfNode key = convert(file, t.getKeyNode());
                String name = key instanceof ScalarNode s ? s.value() : key.toString();
                entries.add(new MapNode.Entry(name, key.position(), convert(file, t.getValueNode())));
            }
            return new MapNode(entries, at);
        }
        if (node instanceof SequenceNode s) {
            return new ListNode(s.getValue().stream().map(n -> convert(file, n)).toList(), at);
        }
        return new ScalarNode(((org.snakeyaml.engine.v2.nodes.ScalarNode) node).getValue(), at);
    }

    private static SourcePosition position(String file, Mark m) {
        return new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }
}
