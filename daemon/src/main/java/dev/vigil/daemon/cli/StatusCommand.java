package dev.vigil.daemon.cli;

import dev.vigil.daemon.control.ControlClient;
import dev.vigil.daemon.control.DaemonUnreachableException;
import dev.vigil.daemon.control.Json;
import dev.vigil.daemon.service.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil status}: the running daemon's state, as a table or as JSON. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the running daemon's state: per subsystem, a table of its instances.",
                "Exit status 0 when the daemon answered, 2 when it cannot be reached."})
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the status object as JSON.")
    boolean json;

    @Option(names = "--control-socket", paramLabel = "PATH", description = "Control socket (default: ${DEFAULT-VALUE}).")
    Path controlSocket = RunSettings.DEFAULT_SOCKET;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> reply;
        try {
            reply = new ControlClient(controlSocket).call("status");
        } catch (DaemonUnreachableException e) {
            return ReloadCommand.unreachable(spec, "status", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!Boolean.TRUE.equals(reply.get("ok")) || !(reply.get("status") instanceof Map<?, ?>)) {
            spec.commandLine().getErr().println("vigil status: the daemon answered: " + reply.get("error"));
            spec.commandLine().getErr().flush();
            return 1;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) reply.get("status");
        out.print(json ? Json.pretty(status) + "\n" : StatusTable.render(status));
        out.flush();
        return 0;
    }
}
