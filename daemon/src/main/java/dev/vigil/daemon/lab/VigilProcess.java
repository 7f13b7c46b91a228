package dev.vigil.daemon.lab;

import dev.vigil.daemon.Main;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
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
