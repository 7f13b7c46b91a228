package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups words into statements: a statement is a keyword and the words after it on its line, then
 * a block when a {@code {} follows on that line or starts the next one.
 */
final class StatementParser {
    private final List<Token> tokens;
    private final Diagnostics diagnostics;
    private int next;

    StatementParser(List<Token> tokens, Diagnostics diagnostics) {
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    List<Statement> parse() {
        return block(null);
    }

    private List<Statement> block(Token open) {
        List<Statement> out = new ArrayList<>();
        while (next < tokens.size()) {
            Token t = tokens.get(next++);
            if (t.is("}")) {
                if (open != null) {
                    return out;
                }
                diagnostics.error(t.position(), "'}' without a matching '{'", "");
            } else if (t.is("{")) {
                diagnostics.error(t.position(), "'{' without a keyword before it", "");
                block(t);
            } else {
                out.add(statement(t));
            }
        }
        if (open != null) {
            diagnostics.error(open.position(), "block opened here is not closed", "add the missing '}'");
        }
        return out;
    }

    private Statement statement(Token keyword) {
        List<Token> args = new ArrayList<>();
        while (next < tokens.size() && tokens.get(next).line() == keyword.line()
                && !tokens.get(next).is("{") && !tokens.get(next).is("}")) {
            args.add(tokens.get(next++));
        }
        if (next < tokens.size() && tokens.get(next).is("{")
                && (tokens.get(next).line() == keyword.line() || tokens.get(next).line() == keyword.line() + 1)) {
            Token open = tokens.get(next++);
            return new Statement(keyword, args, block(open));
        }
        return new Statement(keyword, args, null);
    }
}
