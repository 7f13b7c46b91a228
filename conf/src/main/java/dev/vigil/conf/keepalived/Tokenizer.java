package dev.vigil.conf.keepalived;

import dev.vigil.conf.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits logical lines into words: whitespace separates, {@code "..."} and {@code '...'} keep
 * whitespace (quotes removed, backslash escapes as keepalived reads them), and braces are words of
 * their own.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokens(List<Line> lines) {
        List<Token> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            line(lines.get(n), n, out);
        }
        return out;
    }

    private static void line(Line line, int n, List<Token> out) {
        String s = line.text();
        int base = line.position().column() - 1 - (s.length() - s.stripLeading().length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            SourcePosition at = new SourcePosition(line.position().file(), line.position().line(), base + i + 1);
            if (c == '{' || c == '}') {
                out.add(new Token(String.valueOf(c), false, at, n));
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '{' && s.charAt(i) != '}') {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\'') {
                    quoted = true;
                    i = quotedPart(s, i, word);
                } else {
                    word.append(ch);
                    i++;
                }
            }
            out.add(new Token(word.toString(), quoted, at, n));
        }
    }

    /** Appends the quoted part starting at {@code start} and returns the index after its closing quote. */
    private static int quotedPart(String s, int start, StringBuilder word) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                word.append(escape(s.charAt(i + 1)));
                i += 2;
            } else {
                word.append(ch);
                i++;
            }
        }
        return Math.min(i + 1, s.length());
    }

    private static char escape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> '\u000b';
            case 'E' -> '\u001b';
            default -> c;
        };
    }
}
