package dev.vigil.daemon.cli;

import dev.vigil.conf.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil check-config -f FILE}: loads and validates a configuration without touching the kernel. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check a configuration, YAML or keepalived.conf (told apart by content), and print",
                "every problem as FILE:LINE:COL: message. Exit status 0 when it is valid, 1 otherwise.",
                "Nothing touches the kernel."})
public final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "The configuration file.")
    Path file;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "The id keepalived.conf @ID conditional lines are compared against (keepalived's -i).")
    String configId;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin archives whose sections to validate (default: the distribution's plugins/).")
    Path pluginsDir;

    @Override
    public Integer call() {
        LoadResult result;
        try (dev.vigil.daemon.plugin.PluginHost plugins = dev.vigil.daemon.plugin.PluginHost.load(
                PluginDirs.resolve(java.util.Optional.ofNullable(pluginsDir)))) {
            result = configId == null ? plugins.loader().apply(file) : plugins.loader(configId).apply(file);
        }
        PrintWriter err = spec.commandLine().getErr();
        result.diagnostics().forEach(err::println);
        long errors = result.errors().size();
        if (errors == 0) {
            // enable_script_security: scripts run as root must not be changeable by anyone else.
            List<String> unsafe = dev.vigil.daemon.runtime.ScriptSecurity.system().problems(result.config());
            unsafe.forEach(p -> err.println("error: " + p));
            errors += unsafe.size();
        }
        if (errors > 0) {
            err.println("vigil check-config: " + file + ": " + errors + (errors == 1 ? " error" : " errors"));
        } else {
            spec.commandLine().getOut().println(file + ": valid " + result.format().name().toLowerCase() + " configuration");
        }
        err.flush();
        spec.commandLine().getOut().flush();
        return errors > 0 ? 1 : 0;
    }
}
