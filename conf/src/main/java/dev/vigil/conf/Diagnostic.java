package dev.vigil.conf;

import java.util.Objects;

/**
 * One problem found in a configuration, printed as {@code FILE:LINE:COL: message; hint}.
 *
 * @param hint what to do about it, or empty
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String hint) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static Diagnostic error(SourcePosition at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, at, message, hint);
    }

    /** {@code FILE:LINE:COL: message; hint}, with {@code warning: } or {@code unsupported: } before non-errors. */
    @Override
    public String toString() {
        String prefix = switch (severity) {
            case ERROR -> "";
            case WARNING -> "warning: ";
            case UNSUPPORTED -> "unsupported: ";
        };
        return position + ": " + prefix + message + (hint.isEmpty() ? "" : "; " + hint);
    }
}
