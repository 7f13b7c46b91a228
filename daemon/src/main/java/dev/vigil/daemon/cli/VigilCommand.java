package dev.vigil.daemon.cli;

import dev.vigil.kernel.libc.KernelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps virtual IPs alive with VRRP and load-balances with Linux IPVS.",
        subcommands = {IpvsCommand.class, CheckConfigCommand.class, ImportKeepalivedCommand.class})
public final class VigilCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The configured command line: errors print one line (no stack trace) and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigilCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("vigil: " + describe(ex));
            if (Boolean.getBoolean("vigil.debug")) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cl;
    }

    private static String describe(Exception ex) {
        if (ex instanceof KernelException k && k.errno() == dev.vigil.kernel.libc.Errno.EPERM) {
            return k.getMessage() + " (needs root or CAP_NET_ADMIN)";
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
