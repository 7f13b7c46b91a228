package dev.vigil.daemon.cli;

import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.lvs.ipvsadm.IpvsRestore;
import dev.vigil.lvs.ipvsadm.IpvsadmException;
import dev.vigil.lvs.ipvsadm.IpvsadmRules;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** {@code vigil ipvs save}: prints the table exactly as {@code ipvsadm -Sn} does. */
    @Command(name = "save", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print the live IPVS table exactly as 'ipvsadm -Sn' does (numeric addresses).")
    static final class Save implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String text;
            try (NetlinkIpvs ipvs = NetlinkIpvs.open()) {
                text = IpvsadmSave.save(ipvs);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return 0;
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
        public Integer call() throws IOException {
            String source = file == null ? "<stdin>" : file.toString();
            List<IpvsadmRules.Rule> rules;
            try (Reader in = file == null ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                    : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rules = IpvsadmRules.parse(in);
            } catch (IpvsadmException e) {
                return report(source, "nothing applied: the input has errors", e.errors());
            }
            IpvsRestore.Result result;
            try (NetlinkIpvs ipvs = NetlinkIpvs.open()) {
                result = new IpvsRestore(ipvs).restore(rules, flush);
            }
            if (result.ok()) {
                return 0;
            }
            try {
                result.throwIfFailed();
            } catch (IpvsadmException e) {
                return report(source, result.failures().size() + " of " + rules.size()
                        + " rules refused by the kernel (" + result.applied() + " applied)", e.errors());
            }
            return 0;
        }

        private int report(String source, String summary, List<IpvsadmException.LineError> errors) {
            PrintWriter err = spec.commandLine().getErr();
            for (IpvsadmException.LineError e : errors) {
                err.println(source + ":" + e.line() + ": " + e.reason() + ": " + e.text().strip());
            }
            err.println("vigil ipvs restore: " + summary);
            err.flush();
            return 1;
        }
    }
}
