package dev.vigil.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so all of them are reported at once. */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(Diagnostic d) {
        all.add(d);
    }

    public void error(SourcePosition at, String message) {
        add(new Diagnostic(Severity.ERROR, at, message, ""));
    }

    public void error(SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.ERROR, at, message, hint));
    }

    public void warning(SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.WARNING, at, message, hint));
    }

    public void unsupported(SourcePosition at, String message, String hint) {
        add(new Diagnostic(Severity.UNSUPPORTED, at, message, hint));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Everything collected, in file and line order (stable for one place). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.position().file())
                .thenComparingInt(d -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
        return List.copyOf(copy);
    }
}
