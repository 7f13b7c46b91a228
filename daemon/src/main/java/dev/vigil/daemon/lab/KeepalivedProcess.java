package dev.vigil.daemon.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * keepalived (VRRP only, or its checkers only; in the foreground, logging to the console) in a lab node, with its own
 * configuration and pid files, so several run side by side. The reference implementation Vigil is
 * compared with.
 */
public final class KeepalivedProcess extends LabProcess {
    private static final Path BINARY = Path.of("/usr/sbin/keepalived");

    private KeepalivedProcess(String label, List<String> command, Path log) {
        super(label, command, log);
    }

    /** True when keepalived is installed (at {@code /usr/sbin/keepalived}). */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts keepalived in {@code node} with {@code config} (keepalived.conf text); {@code tag} names
     * its files in the lab directory and tells restarts apart. The lab closes it.
     */
    public static KeepalivedProcess start(NetLab lab, String node, String tag, String config) {
        return start(lab, node, tag, config, "--vrrp");
    }

    /**
     * Starts keepalived's checker process alone (LVS and health checks, no VRRP) in {@code node}, as
     * {@link #start(NetLab, String, String, String)} does for VRRP.
     */
    public static KeepalivedProcess startChecker(NetLab lab, String node, String tag, String config) {
        return start(lab, node, tag, config, "--check");
    }

    private static KeepalivedProcess start(NetLab lab, String node, String tag, String config, String subsystem) {
        if (!installed()) {
            throw new IllegalStateException("keepalived is not installed (" + BINARY + ")");
        }
        Path dir = lab.dir();
        Path conf = dir.resolve(tag + ".keepalived.conf");
        try {
            Files.writeString(conf, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> cmd = NetLab.inNs(lab.node(node).ns(), BINARY.toString(), "-f", conf.toString(),
                "-p", dir.resolve(tag + ".keepalived.pid").toString(),
                "-r", dir.resolve(tag + ".vrrp.pid").toString(),
                "-c", dir.resolve(tag + ".checkers.pid").toString(),
                subsystem, "--dont-fork", "--log-console", "--log-detail");
        return lab.own(new KeepalivedProcess("keepalived " + tag, cmd, dir.resolve(tag + ".keepalived.log")));
    }
}
