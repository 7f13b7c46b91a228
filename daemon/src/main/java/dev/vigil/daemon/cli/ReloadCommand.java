package dev.vigil.daemon.cli;

import dev.vigil.daemon.control.ControlClient;
import dev.vigil.daemon.control.DaemonUnreachableException;
import dev.vigil.daemon.service.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil reload}: asks the running daemon to reload its configuration file. */
@Command(name = "reload", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Ask the running daemon to reload its configuration file (as SIGHUP does), and wait.",
                "Exit status 0 when applied; 1 when refused, with the reasons (FILE:LINE:COL: message);",
                "2 when the daemon cannot be reached."})
public final class ReloadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--control-socket", paramLabel = "PATH", description = "Control socket (default: ${DEFAULT-VALUE}).")
    Path controlSocket = RunSettings.DEFAULT_SOCKET;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> reply;
        try {
            reply = new ControlClient(controlSocket).call("reload");
        } catch (DaemonUnreachableException e) {
            return unreachable(spec, "reload", e);
        }
        boolean ok = Boolean.TRUE.equals(reply.get("ok"));
        PrintWriter w = ok ? spec.commandLine().getOut() : spec.commandLine().getErr();
        messages(reply).forEach(w::println);
        if (!ok) {
            w.println("vigil reload: refused; the daemon keeps its current configuration");
        }
        w.flush();
        return ok ? 0 : 1;
    }

    private static List<String> messages(Map<String, Object> reply) {
        if (reply.get("messages") instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return reply.get("error") == null ? List.of() : List.of(String.valueOf(reply.get("error")));
    }

    /** Prints why the daemon cannot be reached; exit status 2. */
    static int unreachable(CommandLine.Model.CommandSpec spec, String command, DaemonUnreachableException e) {
        spec.commandLine().getErr().println("vigil " + command + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 2;
    }
}
