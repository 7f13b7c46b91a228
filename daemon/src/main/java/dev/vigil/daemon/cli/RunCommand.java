package dev.vigil.daemon.cli;

import ch.qos.logback.classic.Level;
import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.LoadResult;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.runtime.Daemon;
import dev.vigil.daemon.runtime.StartupException;
import dev.vigil.daemon.service.DaemonService;
import dev.vigil.daemon.service.HostChecks;
import dev.vigil.daemon.service.HttpAddress;
import dev.vigil.daemon.service.RunSettings;
import dev.vigil.daemon.service.ServiceNotify;
import dev.vigil.daemon.service.Signals;
import dev.vigil.daemon.service.SubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code vigil run}: the daemon, in the foreground, until SIGTERM/SIGINT or a stop request. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the daemon in the foreground with a YAML file or a keepalived.conf",
                "(told apart by content). SIGHUP or vigil reload reloads the file; a file with",
                "errors changes nothing. SIGTERM or SIGINT stop it in order and it exits 0.",
                "Start-up problems (configuration errors, missing CAP_NET_ADMIN/CAP_NET_RAW,",
                "an interface that does not exist, a live process holding the pid file) are",
                "printed and it exits 1."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "The configuration file.")
    Path file;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID",
            description = "The id keepalived.conf @ID conditional lines are compared against (keepalived's -i).")
    String configId;

    @Option(names = "--control-socket", paramLabel = "PATH", description = "Control socket (default: ${DEFAULT-VALUE}).")
    Path controlSocket = RunSettings.DEFAULT_SOCKET;

    @Option(names = "--pid-file", paramLabel = "PATH", description = "Pid file (default: ${DEFAULT-VALUE}).")
    Path pidFile = RunSettings.DEFAULT_PID_FILE;

    @Option(names = "--http", paramLabel = "ADDR:PORT", description = "Serve GET /status and GET /metrics here.")
    String http;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Directory of plugin archives (default: the configuration's plugins.directory).")
    Path pluginsDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = {"Where the record of the virtual addresses this daemon placed is kept",
                    "(PIDNAME.vips.json; default: the pid file's directory). At start, addresses it",
                    "lists are stale (left by kill -9 or a crash) and are removed."})
    Path stateDir;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN or ERROR (default: INFO).")
    String logLevel;

    private final SubsystemFactory factory;
    private final HostChecks host;

    /** A run command creating its subsystems with {@code factory} after checking the host with {@code host}. */
    public RunCommand(SubsystemFactory factory, HostChecks host) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public Integer call() throws InterruptedException {
        setLogLevel();
        RunSettings settings = settings();
        try {
            return run(settings);
        } finally {
            if (validating != null) {
                validating.close();
            }
        }
    }

    private int run(RunSettings settings) throws InterruptedException {
        VigilConfig config = loadAndCheck();
        if (config == null) {
            return 1;
        }
        Daemon daemon = new Daemon(file, loader(), host.config(), factory.create(settings, validating));
        DaemonService service = new DaemonService(settings, daemon, ServiceNotify.fromEnvironment(System.getenv()));
        Signals.install(() -> service.reload(), service::requestStop);
        try {
            service.start(config);
            LOG.info("vigil running (pid {}, control socket {})", ProcessHandle.current().pid(), controlSocket);
            service.awaitStopRequest();
        } catch (StartupException e) {
            return fail(e.problems());
        } finally {
            service.close();
        }
        LOG.info("vigil stopped");
        return 0;
    }

    private RunSettings settings() {
        try {
            return new RunSettings(file, controlSocket, pidFile, http == null ? null : HttpAddress.parse(http), pluginsDir,
                    stateDir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--http: " + e.getMessage());
        }
    }

    /** The model when the file is valid and the host fits it; null after printing why not. */
    private VigilConfig loadAndCheck() {
        LoadResult result = loader().apply(file);
        PrintWriter err = spec.commandLine().getErr();
        result.diagnostics().forEach(err::println);
        err.flush();
        if (!result.ok()) {
            int n = result.errors().size();
            fail(List.of(file + ": " + n + (n == 1 ? " error" : " errors")));
            return null;
        }
        List<String> missing = host.missingCapabilities().get();
        if (!missing.isEmpty()) {
            fail(List.of("missing " + String.join(" and ", missing)
                    + " (run as root or grant the capabilities, e.g. AmbientCapabilities= in a systemd unit)"));
            return null;
        }
        List<String> problems = host.config().problems(result.config());
        if (!problems.isEmpty()) {
            fail(problems);
            return null;
        }
        if (pluginsDir != null && !pluginsDir.toFile().isDirectory()) {
            fail(List.of("--plugins-dir " + pluginsDir + " is not a directory"));
            return null;
        }
        return result.config();
    }

    /**
     * Validates plugin sections with the plugins of {@code --plugins-dir} (and the class path); the
     * same plugins then run in the subsystems.
     */
    private java.util.function.Function<Path, LoadResult> loader() {
        if (validating == null) {
            validating = dev.vigil.daemon.plugin.PluginHost.load(PluginDirs.resolve(java.util.Optional.ofNullable(pluginsDir)));
        }
        return validating.loader(configId);
    }

    private dev.vigil.daemon.plugin.PluginHost validating;

    private int fail(List<String> problems) {
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(p -> err.println("vigil run: " + p));
        err.flush();
        return 1;
    }

    private void setLogLevel() {
        if (logLevel == null) {
            return;
        }
        String level = logLevel.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--log-level: '" + logLevel + "' is not one of " + String.join(", ", LEVELS));
        }
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level));
        }
    }
}
