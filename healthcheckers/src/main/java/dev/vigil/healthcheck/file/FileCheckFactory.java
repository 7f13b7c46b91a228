package dev.vigil.healthcheck.file;

import dev.vigil.healthcheck.CheckerFactory;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.HealthChecker;
import org.pf4j.Extension;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code FILE_CHECK}: {@code track_file} (a path here; the host resolves a keepalived
 * {@code track_file NAME} block to its {@code file} and may pass that as {@code file}),
 * {@code weight N [reverse]} (1 by default) and {@code reverse}. keepalived's {@code dynamic}
 * (adding value × weight to the IPVS weight) is refused: a check result carries an absolute weight.
 */
@Extension
public final class FileCheckFactory extends CheckerFactory<FileSettings> {
    public FileCheckFactory() {
        super("FILE_CHECK");
    }

    @Override
    protected FileSettings read(SectionReader r, List<ConfigProblem> nested) {
        Optional<String> file = r.string("file").or(() -> r.string("track_file")).map(String::trim);
        r.string("track_file");
        if (file.isEmpty()) {
            r.problem("track_file", "FILE_CHECK needs 'track_file' (or 'file'), the path of the file to read");
        } else if (!file.get().startsWith("/")) {
            r.problem(r.section().setting("file").isPresent() ? "file" : "track_file",
                    "'" + file.get() + "' is not an absolute path");
        }
        String[] weightWords = r.string("weight", "1").trim().split("\\s+");
        long weight = 1;
        try {
            weight = Long.parseLong(weightWords[0]);
        } catch (NumberFormatException e) {
            r.problem("weight", "weight must be a whole number, not '" + weightWords[0] + "'");
        }
        boolean reverse = r.bool("reverse", false) || (weightWords.length > 1 && weightWords[1].equals("reverse"));
        if (r.bool("dynamic", false)) {
            r.problem("dynamic", "FILE_CHECK 'dynamic' is not supported: check results carry absolute weights");
        }
        return new FileSettings(Path.of(file.orElse("/")), weight, reverse);
    }

    @Override
    protected HealthChecker create(FileSettings settings, PluginContext context) {
        return new FileChecker(settings, context);
    }
}
