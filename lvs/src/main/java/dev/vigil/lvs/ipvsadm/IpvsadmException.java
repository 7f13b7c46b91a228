package dev.vigil.lvs.ipvsadm;

import java.util.List;

/**
 * Rules that could not be parsed or applied: every offending line with its number and reason.
 * The message lists them, e.g. {@code line 4: illegal weight specified: -a -t 10.0.0.1:80 -r 10.0.0.2 -w x}.
 */
public class IpvsadmException extends RuntimeException {
    /** A line that failed: its 1-based number, its text, and why. */
    public record LineError(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason + ": " + text.strip();
        }
    }

    private static final int LISTED = 20;
    private final transient List<LineError> errors;

    public IpvsadmException(String what, List<LineError> errors) {
        super(message(what, errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(String what, List<LineError> errors) {
        StringBuilder b = new StringBuilder(what);
        for (int i = 0; i < Math.min(LISTED, errors.size()); i++) {
            b.append(i == 0 ? ": " : "; ").append(errors.get(i));
        }
        if (errors.size() > LISTED) {
            b.append("; and ").append(errors.size() - LISTED).append(" more");
        }
        return b.toString();
    }

    /** All offending lines, in order. */
    public List<LineError> errors() {
        return errors;
    }
}
