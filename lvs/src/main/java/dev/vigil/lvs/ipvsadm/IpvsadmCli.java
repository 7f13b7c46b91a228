package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.LogManager;

/**
 * {@code vigil ipvs save} and {@code vigil ipvs restore [-C|--flush] [-f|--file FILE]} with the
 * same output and exit status as the full command line, but without its option parser: the
 * launcher sends these plain forms here, so a one-shot table operation loads and compiles far
 * fewer classes (JVM start-up dominates small tables, above all under emulation). Anything else
 * (help, other options) goes to the full command line.
 */
public final class IpvsadmCli {
    /** Exit status of a usage error, as the full command line's. */
    public static final int USAGE = 2;

    private final Supplier<? extends IpvsTable> tables;
    private final PrintStream err;

    /** Runs against tables from {@code tables} (opened per command, closed after), errors to {@code err}. */
    public IpvsadmCli(Supplier<? extends IpvsTable> tables, PrintStream err) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Entry point for {@code vigil ipvs save|restore ...}: {@code args} start after {@code ipvs}. */
    public static void main(String[] args) {
        if (unconfiguredLogging(System.getProperties())) {
            System.setProperty(LOG_MANAGER, UnconfiguredLogManager.class.getName());
        }
        // The commands read and write ipvsadm's format, the same in every locale, so formatting
        // follows no user locale. Locale.US in particular: java.util.Formatter (jffi formats a
        // message while it loads its library) then loads no locale data, which in other locales
        // (C.UTF-8 included) costs as much again as the rest of jffi's use of java.util.
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        // An anonymous class rather than NetlinkIpvs::open: nothing to link through method handles.
        Supplier<IpvsTable> tables = new Supplier<>() {
            @Override
            public IpvsTable get() {
                return NetlinkIpvs.open();
            }
        };
        int status = new IpvsadmCli(tables, err).run(args, System.in, out);
        System.exit(status);
    }

    /** The system property that names java.util.logging's manager class. */
    static final String LOG_MANAGER = "java.util.logging.manager";

    /**
     * True when nobody configured java.util.logging ({@code -Djava.util.logging.*}): then the
     * commands use {@link UnconfiguredLogManager}.
     */
    static boolean unconfiguredLogging(Properties system) {
        return system.getProperty(LOG_MANAGER) == null && system.getProperty("java.util.logging.config.file") == null
                && system.getProperty("java.util.logging.config.class") == null;
    }

    /**
     * java.util.logging without its configuration file. jffi sets up a java.util.logging logger while
     * it loads its native library (it logs only at FINEST), and the default manager then reads the
     * JDK's logging.properties, which parses its levels with streams and lambdas: a few percent of an
     * empty command's start-up under emulation, for messages nobody sees. This manager reads nothing,
     * so the root logger keeps level INFO and has no handler. The ipvs commands log nothing through
     * java.util.logging themselves; setting any {@code java.util.logging.*} property restores the
     * default manager.
     *
     * <p>Its first {@link #readConfiguration()}, the one the JDK makes while it sets the manager up,
     * also ends that set-up's next step: the JDK catches the exception and skips handing its own
     * bootstrap loggers over to java.util.logging, a step that first asks which logging backend the
     * process has, by a search of the class path for {@code System.LoggerFinder} providers (about a
     * fifth of a second of an emulated start, 2026-12-04). The JDK's internal loggers then keep
     * their bootstrap form, which prints to standard error as java.util.logging's default would.
     */
    public static final class UnconfiguredLogManager extends LogManager {
        private boolean setUp;

        /** Public, as java.util.logging creates the manager from its class name. */
        public UnconfiguredLogManager() {
        }

        @Override
        public void readConfiguration() {
            // Nothing to read: see the class comment.
            if (!setUp) {
                setUp = true;
                throw new SetUpEnds();
            }
        }

        /** Ends the JDK's set-up of this manager after its configuration step (see the class comment). */
        private static final class SetUpEnds extends RuntimeException {
            SetUpEnds() {
                super("java.util.logging is not configured by the ipvs commands", null, false, false);
            }
        }
    }

    /** Runs {@code args} ({@code save}, or {@code restore} and its options); returns the exit status. */
    public int run(String[] args, InputStream in, OutputStream out) {
        try {
            if (args.length == 1 && args[0].equals("save")) {
                return save(out);
            }
            if (args.length >= 1 && args[0].equals("restore")) {
                return restore(args, in);
            }
            return usage("expected 'save' or 'restore'");
        } catch (IOException e) {
            err.println("vigil: " + e);
            return 1;
        } catch (RuntimeException e) {
            err.println("vigil: " + describe(e));
            if (Boolean.getBoolean("vigil.debug")) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private int usage(String why) {
        err.println("vigil ipvs: " + why + " (see vigil ipvs --help)");
        return USAGE;
    }

    /** The message the full command line prints for {@code e}. */
    static String describe(RuntimeException e) {
        if (e instanceof KernelException k && k.errno() == Errno.EPERM) {
            return k.getMessage() + " (needs root or CAP_NET_ADMIN)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private int save(OutputStream out) throws IOException {
        try (IpvsTable table = tables.get()) {
            IpvsadmSave.save(table, out);
        }
        out.flush();
        return 0;
    }

    private int restore(String[] args, InputStream stdin) throws IOException {
        boolean flush = false;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("-C") || a.equals("--flush")) && !flush) {
                flush = true;
            } else if ((a.equals("-f") || a.equals("--file")) && file == null && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (a.startsWith("--file=") && file == null) {
                file = Path.of(a.substring("--file=".length()));
            } else {
                return usage("unexpected argument " + a);
            }
        }
        String source = file == null ? "<stdin>" : file.toString();
        List<IpvsadmRules.Rule> rules;
        try (Reader in = file == null ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rules = IpvsadmRules.parse(in);
        } catch (IpvsadmException e) {
            return report(source, "nothing applied: the input has errors", e.errors());
        }
        IpvsRestore.Result result;
        try (IpvsTable table = tables.get()) {
            result = new IpvsRestore(table).restore(rules, flush);
        }
        if (result.ok()) {
            return 0;
        }
        List<IpvsadmException.LineError> errors;
        try {
            result.throwIfFailed();
            return 0;
        } catch (IpvsadmException e) {
            errors = e.errors();
        }
        return report(source, result.failures().size() + " of " + rules.size() + " rules refused by the kernel ("
                + result.applied() + " applied)", errors);
    }

    private int report(String source, String summary, List<IpvsadmException.LineError> errors) {
        StringBuilder b = new StringBuilder();
        for (IpvsadmException.LineError e : errors) {
            b.append(source).append(':').append(e.line()).append(": ").append(e.reason()).append(": ")
                    .append(e.text().strip()).append('\n');
        }
        b.append("vigil ipvs restore: ").append(summary).append('\n');
        err.print(b);
        err.flush();
        return 1;
    }
}
