package dev.vigil.daemon.cli;

import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.lvs.ipvsadm.IpvsadmCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil ipvs save|restore}: the kernel's IPVS table in ipvsadm's rules format. */
@Command(name = "ipvs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Read and write the kernel's IPVS table in the format of ipvsadm -S / -R.",
        subcommands = {IpvsCommand.Save.class, IpvsCommand.Restore.class})
public final class IpvsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: save or restore");
    }

    /**
     * Runs {@code args} with the same code as the launcher's fast path ({@link IpvsadmCli}), writing
     * to the command line's configured out and err (what callers of picocli set, System.out/err by default).
     */
    static int delegate(CommandLine.Model.CommandSpec spec, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new IpvsadmCli(NetlinkIpvs::open, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new), System.in, out);
        copy(out, spec.commandLine().getOut());
        copy(err, spec.commandLine().getErr());
        return exit;
    }

    private static void copy(ByteArrayOutputStream bytes, PrintWriter to) {
        to.print(bytes.toString(StandardCharsets.UTF_8));
        to.flush();
    }

    /** {@code vigil ipvs save}: prints the table exactly as {@code ipvsadm -Sn} does. */
    @Command(name = "save", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print the live IPVS table exactly as 'ipvsadm -Sn' does (numeric addresses).")
    static final class Save implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return delegate(spec, List.of("save"));
        }
    }

    /** {@code vigil ipvs restore}: applies rules read from stdin (or a file). */
    @Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Apply IPVS rules in the format 'ipvsadm -S' writes, read from standard input.",
                    "The whole input is checked first: a malformed line changes nothing. Rules the kernel",
                    "refuses are reported with their line number and the kernel's reason (exit status 1)."})
    static final class Restore implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-C", "--flush"}, description = "Clear the IPVS table first (as 'ipvsadm -C').")
        boolean flush;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the rules from FILE instead of stdin.")
        Path file;

        @Override
        public Integer call() {
            List<String> args = new java.util.ArrayList<>(List.of("restore"));
            if (flush) {
                args.add("--flush");
            }
            if (file != null) {
                args.add("--file=" + file);
            }
            return delegate(spec, args);
        }
    }
}
