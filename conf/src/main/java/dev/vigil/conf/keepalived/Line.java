package dev.vigil.conf.keepalived;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** One logical line of keepalived configuration after comments, conditionals and parameters, with its origin. */
record Line(String text, SourcePosition position) {
    Line {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
