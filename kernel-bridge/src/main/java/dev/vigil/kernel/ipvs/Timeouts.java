package dev.vigil.kernel.ipvs;

/**
 * Connection timeouts in seconds ({@code IPVS_CMD_ATTR_TIMEOUT_*}): established TCP, TCP after
 * FIN, and UDP. When setting, 0 leaves a value unchanged.
 */
public record Timeouts(int tcp, int tcpFin, int udp) {
    /** The kernel's defaults (ipvsadm -L --timeout on a fresh system). */
    public static final Timeouts KERNEL_DEFAULTS = new Timeouts(900, 120, 300);
}
