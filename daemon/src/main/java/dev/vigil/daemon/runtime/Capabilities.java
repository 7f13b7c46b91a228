package dev.vigil.daemon.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective capabilities the daemon needs (capabilities(7)): CAP_NET_ADMIN for addresses,
 * routes and IPVS, CAP_NET_RAW for VRRP and ARP sockets. Read from {@code CapEff} in
 * {@code /proc/self/status}.
 */
public final class Capabilities {
    /** Bit number of CAP_NET_ADMIN (linux/capability.h). */
    public static final int CAP_NET_ADMIN = 12;
    /** Bit number of CAP_NET_RAW (linux/capability.h). */
    public static final int CAP_NET_RAW = 13;

    private Capabilities() {
    }

    /** The capabilities this process lacks, by name; empty when it has them all. */
    public static List<String> missing() {
        try {
            return missing(Files.readString(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return List.of("CAP_NET_ADMIN", "CAP_NET_RAW");
        }
    }

    /** The needed capabilities absent from the {@code CapEff:} line of a {@code /proc/PID/status} text. */
    public static List<String> missing(String procStatus) {
        long eff = 0;
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("CapEff:")) {
                eff = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
            }
        }
        List<String> missing = new ArrayList<>();
        if ((eff & (1L << CAP_NET_ADMIN)) == 0) {
            missing.add("CAP_NET_ADMIN");
        }
        if ((eff & (1L << CAP_NET_RAW)) == 0) {
            missing.add("CAP_NET_RAW");
        }
        return missing;
    }
}
