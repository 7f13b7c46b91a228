package dev.vigil.daemon.lvs;

import dev.vigil.lvs.engine.ScriptLauncher;
import dev.vigil.vrrp.script.CommandLine;
import dev.vigil.vrrp.script.ProcessScriptRunner;
import dev.vigil.vrrp.script.ScriptResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * LVS's notify and quorum scripts run by VRRP's {@link ProcessScriptRunner}: the command line is
 * split like keepalived's, run as {@code script_user}, killed after a timeout, and never waited for.
 */
final class ProcessScripts implements ScriptLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessScripts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ProcessScriptRunner runner;
    private final String user;

    ProcessScripts(ProcessScriptRunner runner, String user) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.user = user;
    }

    @Override
    public void launch(String commandLine) {
        List<String> argv = CommandLine.split(commandLine);
        if (argv.isEmpty()) {
            return;
        }
        runner.run(argv, TIMEOUT, user).thenAccept(r -> log(commandLine, r));
    }

    private static void log(String commandLine, ScriptResult r) {
        LOG.info("script '{}': {}", commandLine, r);
    }
}
