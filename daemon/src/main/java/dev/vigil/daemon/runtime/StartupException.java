package dev.vigil.daemon.runtime;

import java.util.List;

/**
 * The daemon cannot start; every line of {@link #problems()} is a complete sentence for the operator.
 * The base exception of the daemon module.
 */
public class StartupException extends RuntimeException {
    private final List<String> problems;

    public StartupException(String problem) {
        this(List.of(problem), null);
    }

    public StartupException(List<String> problems, Throwable cause) {
        super(String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, one per line. */
    public List<String> problems() {
        return problems;
    }
}
