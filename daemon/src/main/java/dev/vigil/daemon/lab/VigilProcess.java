package dev.vigil.daemon.lab;

import dev.vigil.daemon.Main;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code vigil run} in a lab node, as a separate JVM on this test's class path, with its own control
 * socket and pid file in the lab directory; {@link #cli} runs other vigil commands in the same node.
 */
public final class VigilProcess extends LabProcess {
    private final NetLab lab;
    private final String ns;
    private final Path socket;
    private final Path pidFile;

    private VigilProcess(NetLab lab, String ns, String tag, List<String> cmd, Path socket, Path pidFile) {
        super("vigil " + tag, cmd, lab.dir().resolve(tag + ".vigil.log"));
        this.lab = lab;
        this.ns = ns;
        this.socket = socket;
        this.pidFile = pidFile;
    }

    /** The JVM options the distribution's launcher ({@code distribution/src/bin/vigil}) starts Vigil with. */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /**
     * The java command running {@link Main} with {@code args} on this JVM's class path, with the
     * distribution launcher's JVM options.
     */
    static List<String> java(String... args) {
        return javaMain(Main.class.getName(), args);
    }

    /**
     * The java command running {@code mainClass} with {@code args} on this JVM's class path, with
     * the launcher's JVM options, this JVM's {@code -XX:} options (collector, class data sharing archive) and {@code vigil.*}
     * properties, so a daemon started from the distribution starts as {@code bin/vigil} would.
     */
    public static List<String> javaMain(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(LAUNCHER_JVM_OPTIONS);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xshare") || a.startsWith("-Dvigil."))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * This JVM's class path plus the entries of the class loader that loaded the tests: under JUnit's
     * console launcher (the IPVS VM) the test classes are not on {@code java.class.path}.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = VigilProcess.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: the child JVM could not use it either
                    }
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

    /** Starts {@code vigil run -f config} in {@code node}, plus {@code extra} options; the lab closes it. */
    public static VigilProcess start(NetLab lab, String node, String tag, Path config, String... extra) {
        String ns = lab.node(node).ns();
        Path socket = lab.dir().resolve(tag + ".sock");
        Path pid = lab.dir().resolve(tag + ".pid");
        List<String> args = new ArrayList<>(List.of("run", "-f", config.toString(), "--control-socket", socket.toString(),
                "--pid-file", pid.toString()));
        args.addAll(List.of(extra));
        List<String> cmd = NetLab.inNs(ns, java(args.toArray(String[]::new)).toArray(String[]::new));
        return lab.own(new VigilProcess(lab, ns, tag, cmd, socket, pid));
    }

    public Path socket() {
        return socket;
    }

    public Path pidFile() {
        return pidFile;
    }

    /** Runs {@code vigil COMMAND --control-socket SOCKET ARGS...} in this daemon's namespace. */
    public ExecResult cli(String command, String... args) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(args));
        a.addAll(List.of("--control-socket", socket.toString()));
        return lab.run(ns, java(a.toArray(String[]::new)).toArray(String[]::new));
    }

    /** Sends SIGHUP (by PID) to the daemon. */
    public void hangUp() {
        Commands.check(List.of("kill", "-HUP", Long.toString(pid())));
    }
}
