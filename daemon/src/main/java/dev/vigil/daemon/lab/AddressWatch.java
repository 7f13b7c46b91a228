package dev.vigil.daemon.lab;

import java.util.List;

/**
 * {@code ip monitor address} on one interface of a lab node, its events in a log file, so a test can
 * tell whether an address was ever deleted, however briefly, while it watched.
 */
public final class AddressWatch extends LabProcess {
    private AddressWatch(String label, List<String> command, java.nio.file.Path log) {
        super(label, command, log);
    }

    /** Starts watching {@code dev} in {@code node}; the lab closes it. */
    public static AddressWatch start(NetLab lab, String node, String dev) {
        String ns = lab.node(node).ns();
        List<String> cmd = NetLab.inNs(ns, "ip", "-oneline", "monitor", "address", "dev", dev);
        return lab.own(new AddressWatch("ip monitor " + node, cmd, lab.dir().resolve(node + "." + dev + ".addr-events")));
    }

    /** The events seen so far that deleted {@code address} (any prefix length). */
    public List<String> deletions(String address) {
        return log().lines().filter(l -> l.startsWith("Deleted") && l.contains(" " + address + "/")).toList();
    }

    /** The events seen so far that added {@code address}. */
    public List<String> additions(String address) {
        return log().lines().filter(l -> !l.startsWith("Deleted") && l.contains(" " + address + "/")).toList();
    }
}
