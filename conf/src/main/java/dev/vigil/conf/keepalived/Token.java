package dev.vigil.conf.keepalived;

import dev.vigil.conf.SourcePosition;

/** A word of a keepalived line (quotes removed), with its position; {@code line} numbers the logical line. */
record Token(String text, boolean quoted, SourcePosition position, int line) {
    boolean is(String s) {
        return !quoted && text.equals(s);
    }
}
