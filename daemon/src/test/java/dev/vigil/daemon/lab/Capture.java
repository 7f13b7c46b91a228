package dev.vigil.daemon.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code tcpdump} writing the VRRP packets (IP protocol 112, IPv4 and IPv6) a node's {@code eth0}
 * sees to a pcap file in the lab directory, for tshark to decode afterwards.
 */
public final class Capture extends LabProcess {
    private final Path file;

    private Capture(String label, List<String> command, Path log, Path file) {
        super(label, command, log);
        this.file = file;
    }

    /** Starts capturing on {@code node}'s eth0 into {@code tag.pcap} and waits until tcpdump listens. */
    public static Capture start(NetLab lab, String node, String tag) {
        Path file = lab.dir().resolve(tag + ".pcap");
        List<String> cmd = NetLab.inNs(lab.node(node).ns(), "tcpdump", "-n", "-U", "-i", "eth0", "-w", file.toString(),
                "ip proto 112 or ip6 proto 112");
        Capture c = lab.own(new Capture("tcpdump " + tag, cmd, lab.dir().resolve(tag + ".tcpdump.log"), file));
        Wait.until("tcpdump listening [" + c.logFile() + "]", Duration.ofSeconds(15),
                () -> c.log().contains("listening on") || !c.alive());
        if (!c.alive()) {
            throw new IllegalStateException("tcpdump exited: " + c.log());
        }
        return c;
    }

    /** Stops tcpdump (SIGTERM, so it flushes) and returns the capture file. */
    public Path stop() {
        terminate();
        waitFor(Duration.ofSeconds(15));
        return file;
    }
}
