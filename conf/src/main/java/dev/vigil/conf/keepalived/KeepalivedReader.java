package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourceComments;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.MapNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a keepalived.conf and the files it includes into the tree the YAML route reads, so both
 * give the same model. Problems and unsupported keywords go to the diagnostics with file:line.
 */
public final class KeepalivedReader {
    private final String configId;
    private final Diagnostics diagnostics;
    private final SourceComments comments;
    private final Set<String> pluginCheckers;

    /**
     * @param configId the id {@code @id} lines are compared against (keepalived's {@code -i}), or null for none
     * @param comments receives the comment lines, to carry them into YAML
     */
    public KeepalivedReader(String configId, Diagnostics diagnostics, SourceComments comments) {
        this(configId, diagnostics, comments, Set.of());
    }

    /**
     * A reader that also keeps the checker blocks of {@code pluginCheckers} (types loaded plugins
     * provide, such as {@code REDIS_ROLE}) as checker sections of their real server.
     */
    public KeepalivedReader(String configId, Diagnostics diagnostics, SourceComments comments,
                            Set<String> pluginCheckers) {
        this.configId = configId;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.comments = Objects.requireNonNull(comments, "comments");
        this.pluginCheckers = Set.copyOf(Objects.requireNonNull(pluginCheckers, "pluginCheckers"));
    }

    public MapNode read(Path file) {
        List<Line> lines = new Preprocessor(configId, diagnostics, comments).read(file);
        List<Statement> statements = new StatementParser(Tokenizer.tokens(lines), diagnostics).parse();
        return new Translator(diagnostics, pluginCheckers).root(statements, new SourcePosition(file.toString(), 1, 1));
    }
}
