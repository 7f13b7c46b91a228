package dev.vigil.daemon.cli;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.yaml.YamlWriter;
import dev.vigil.daemon.plugin.PluginHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vigil import-keepalived FILE}: converts a keepalived.conf to Vigil's YAML. */
@Command(name = "import-keepalived", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Convert a keepalived.conf (with its includes) to Vigil's YAML on standard",
                "output. Settings Vigil does not support are listed on standard error with",
                "FILE:LINE. Checker blocks of plugin types (e.g. REDIS_CHECK) are kept when",
                "a plugin in --plugins-dir provides them. Exit status: 0 when the conversion",
                "is exact, 2 when something could not be converted, 1 when the file has errors",
                "(nothing is printed then)."})
public final class ImportKeepalivedCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The keepalived.conf to convert.")
    Path file;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "The id @ID conditional lines are compared against (keepalived's -i).")
    String configId;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin archives whose checker types to keep (default: the distribution's plugins/).")
    Path pluginsDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (pluginsDir != null && !Files.isDirectory(pluginsDir)) {
            err.println("vigil import-keepalived: --plugins-dir " + pluginsDir + " is not a directory");
            err.flush();
            return 1;
        }
        LoadResult result;
        try (PluginHost plugins = PluginHost.load(PluginDirs.resolve(Optional.ofNullable(pluginsDir)))) {
            result = new ConfigLoader(plugins.validators()).loadKeepalived(file, configId);
        }
        result.diagnostics().forEach(err::println);
        err.flush();
        if (!result.ok()) {
            err.println("vigil import-keepalived: " + file + ": " + result.errors().size() + " errors; nothing converted");
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(new YamlWriter(result.comments()).print(result.config()));
        out.flush();
        return result.hasUnsupported() ? 2 : 0;
    }
}
