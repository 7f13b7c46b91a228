package dev.vigil.conf;

import dev.vigil.conf.bind.Binder;
import dev.vigil.conf.keepalived.KeepalivedReader;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.tree.MapNode;
import dev.vigil.conf.validate.ModelValidator;
import dev.vigil.conf.validate.SectionKind;
import dev.vigil.conf.validate.SectionValidator;
import dev.vigil.conf.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a configuration, YAML or keepalived.conf, into the model and validates it, reporting every
 * problem at once. Nothing here touches the kernel.
 */
public final class ConfigLoader {
    private final ModelValidator validator;
    private final Set<String> pluginCheckers;

    /**
     * A loader that also validates the plugin sections the given validators know; in a
     * keepalived.conf, a real server's blocks named by their checker types are kept as checkers.
     */
    public ConfigLoader(List<SectionValidator> pluginValidators) {
        this.validator = new ModelValidator(pluginValidators);
        this.pluginCheckers = pluginValidators.stream().filter(v -> v.kind() == SectionKind.CHECKER)
                .map(SectionValidator::type).collect(Collectors.toUnmodifiableSet());
    }

    /** A loader knowing keepalived's checker types only. */
    public static ConfigLoader builtin() {
        return new ConfigLoader(List.of());
    }

    /** Loads {@code file}, YAML or keepalived.conf as its content says; keepalived @conditions see no config id. */
    public LoadResult load(Path file) {
        return load(file, null);
    }

    /**
     * Loads {@code file} in the format its content says.
     *
     * @param configId the id keepalived's {@code @id} lines compare against (its {@code -i}), or null
     */
    public LoadResult load(Path file, String configId) {
        String text = read(file);
        if (ConfigFormat.detect(text) == ConfigFormat.YAML) {
            return loadYaml(file.toString(), text);
        }
        return loadKeepalived(file, configId);
    }

    /** Loads YAML text; {@code name} is the file name used in positions. */
    public LoadResult loadYaml(String name, String text) {
        Diagnostics diagnostics = new Diagnostics();
        MapNode root = YamlReader.read(name, text, diagnostics);
        return finish(ConfigFormat.YAML, root, diagnostics, SourceComments.NONE);
    }

    /** Loads a keepalived.conf (with its includes). */
    public LoadResult loadKeepalived(Path file, String configId) {
        Diagnostics diagnostics = new Diagnostics();
        SourceComments comments = new SourceComments();
        MapNode root = new KeepalivedReader(configId, diagnostics, comments, pluginCheckers).read(file);
        return finish(ConfigFormat.KEEPALIVED, root, diagnostics, comments);
    }

    private LoadResult finish(ConfigFormat format, MapNode root, Diagnostics diagnostics, SourceComments comments) {
        VigilConfig config = root == null ? null : new Binder(diagnostics).bind(root, VigilConfig.class);
        if (config != null) {
            validator.validate(config, diagnostics);
        }
        boolean usable = config != null && !diagnostics.hasErrors();
        return new LoadResult(format, usable ? config : null, diagnostics.sorted(), comments);
    }

    private static String read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
