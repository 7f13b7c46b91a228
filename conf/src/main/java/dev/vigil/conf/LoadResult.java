package dev.vigil.conf;

import dev.vigil.conf.model.VigilConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading a configuration: the model when it has no errors, and every diagnostic.
 *
 * @param config   the model, or null when there are errors
 * @param comments comment lines of the source, for a conversion that carries them over
 */
public record LoadResult(ConfigFormat format, VigilConfig config, List<Diagnostic> diagnostics, SourceComments comments) {
    public LoadResult {
        Objects.requireNonNull(format, "format");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(comments, "comments");
    }

    /** True when there is no error (warnings and unsupported items may remain). */
    public boolean ok() {
        return config != null;
    }

    /** True when something of the source was left out of the model. */
    public boolean hasUnsupported() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.UNSUPPORTED);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public Optional<VigilConfig> model() {
        return Optional.ofNullable(config);
    }

    /** The model; throws {@link ConfigException} with every error when there are errors. */
    public VigilConfig orThrow() {
        if (config == null) {
            throw new ConfigException(errors());
        }
        return config;
    }
}
