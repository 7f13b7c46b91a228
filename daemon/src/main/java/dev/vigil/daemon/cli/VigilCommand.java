package dev.vigil.daemon.cli;

import dev.vigil.daemon.service.HostChecks;
import dev.vigil.daemon.service.SubsystemFactory;
import dev.vigil.kernel.libc.KernelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code vigil} command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps virtual IPs alive with VRRP and load-balances with Linux IPVS.",
        subcommands = {IpvsCommand.class, CheckConfigCommand.class, ImportKeepalivedCommand.class,
                StatusCommand.class, ReloadCommand.class, LabCommand.class})
public final class VigilCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * The configured command line: {@code run} drives the plugins, plugin notifiers, VRRP and LVS, in that order;
     * VRRP state changes go to LVS and the notifiers, health transitions to the notifiers and the
     * notify FIFOs.
     */
    public static CommandLine commandLine() {
        return commandLine(VigilCommand::subsystems, HostChecks.system());
    }

    private static java.util.List<dev.vigil.daemon.runtime.Subsystem> subsystems(
            dev.vigil.daemon.service.RunSettings settings, dev.vigil.daemon.plugin.PluginHost plugins) {
        dev.vigil.daemon.lvs.VrrpStates states = new dev.vigil.daemon.lvs.VrrpStates();
        dev.vigil.daemon.lvs.CheckerStates checkers = new dev.vigil.daemon.lvs.CheckerStates();
        dev.vigil.daemon.vrrp.VrrpSubsystem vrrp = new dev.vigil.daemon.vrrp.VrrpSubsystem(states, plugins,
                settings.vipRecordFile());
        checkers.subscribe(vrrp.checkerFifos());
        return java.util.List.of(new dev.vigil.daemon.plugin.PluginsSubsystem(plugins),
                new dev.vigil.daemon.plugin.NotifierSubsystem(plugins, states, checkers), vrrp,
                new dev.vigil.daemon.lvs.LvsSubsystem(plugins, states, checkers));
    }

    /**
     * The configured command line: errors print one line (no stack trace) and exit 1.
     *
     * @param subsystems what {@code vigil run} drives
     * @param host       what {@code vigil run} checks about the host before starting
     */
    public static CommandLine commandLine(SubsystemFactory subsystems, HostChecks host) {
        CommandLine cl = new CommandLine(new VigilCommand());
        cl.addSubcommand("run", new RunCommand(subsystems, host));
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
