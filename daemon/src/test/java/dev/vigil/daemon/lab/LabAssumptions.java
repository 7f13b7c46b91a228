package dev.vigil.daemon.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** JUnit assumptions over the lab's own checks: a test that cannot run here skips and prints why. */
public final class LabAssumptions {
    private LabAssumptions() {
    }

    /** A lab whose namespaces start with {@code base}; skips the calling test when none can be built here. */
    public static NetLab netLab(String base) {
        NetLab.unavailabilityCause().ifPresent(cause -> assumeTrue(false, "skipped: " + cause));
        return NetLab.create(base);
    }

    /** Skips the calling test unless keepalived is installed. */
    public static void assumeKeepalived() {
        assumeTrue(KeepalivedProcess.installed(), "skipped: keepalived is not installed (/usr/sbin/keepalived)");
    }

    /** Skips the calling test unless the nft command (Debian package nftables) is installed. */
    public static void assumeNft() {
        assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/nft")),
                "skipped: nft is not installed (/usr/sbin/nft, package nftables)");
    }

    /** Skips the calling test unless tcpdump is installed. */
    public static void assumeTcpdump() {
        assumeTrue(AdvertCapture.installed(), "skipped: tcpdump is not installed");
    }
}
