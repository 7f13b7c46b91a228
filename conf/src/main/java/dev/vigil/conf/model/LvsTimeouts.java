package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

/** IPVS connection timeouts in seconds (as {@code ipvsadm --set}); null leaves the kernel's value. */
public record LvsTimeouts(
        @Range(min = 0, max = 2147483) @Doc("TCP session timeout.") Integer tcp,
        @Range(min = 0, max = 2147483) @Doc("TCP timeout after FIN.") Integer tcpfin,
        @Range(min = 0, max = 2147483) @Doc("UDP timeout.") Integer udp,
        SourcePosition position) {
}
