package dev.vigil.conf;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration module's one exception: a configuration that cannot be used, with every reason. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public ConfigException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ConfigException(String message) {
        super(message);
        this.diagnostics = List.of();
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.of();
    }

    /** The problems, in file and line order (empty when the cause was not in the file itself). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
