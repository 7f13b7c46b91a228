package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourceComments;
import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.tree.MapNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a keepalived.conf and the files it includes into the tree the YAML route reads, so both
 * give the same model. Problems and unsupported keywords go to the diagnostics with file:line.
 */
public final class KeepalivedReader {
    private final String configId;
    private final Diagnostics diagnostics;
    private final SourceComments comments;

    /**
     * @param configId the id {@code @id} lines are compared against (keepalived's {@code -i}), or null for none
     * @param comments receives the comment lines, to carry them into YAML
     */
    public KeepalivedReader(String configId, Diagnostics diagnostics, SourceComments comments) {
        this.configId = configId;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.comments = Objects.requireNonNull(comments, "comments");
    }

    public MapNode read(Path file) {
        List<Line> lines = new Preprocessor(configId, diagnostics, comments).read(file);
        List<Statement> statements = new StatementParser(Tokenizer.tokens(lines), diagnostics).parse();
        return new Translator(diagnostics).root(statements, new SourcePosition(file.toString(), 1, 1));
    }
}
