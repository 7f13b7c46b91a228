package dev.vigil.conf.keepalived;

import dev.vigil.conf.SourcePosition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One keepalived statement: a keyword, its arguments and, for a block, its statements.
 *
 * @param block the statements inside braces, or null when the statement has no block
 */
record Statement(Token keyword, List<Token> args, List<Statement> block) {
    Statement {
        args = List.copyOf(args);
        block = block == null ? null : List.copyOf(block);
    }

    String name() {
        return keyword.text();
    }

    SourcePosition position() {
        return keyword.position();
    }

    String arg(int i) {
        return args.get(i).text();
    }

    /** The keyword and arguments as written, for messages. */
    String text() {
        return name() + (args.isEmpty() ? "" : " " + args.stream().map(Token::text).collect(Collectors.joining(" ")));
    }

    boolean hasBlock() {
        return block != null;
    }
}
