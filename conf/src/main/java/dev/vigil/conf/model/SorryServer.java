package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** The server used when the quorum of real servers is lost. */
public record SorryServer(
        @Required @Doc("Address.") IpAddress ip,
        @Range(min = 0, max = 65535) @Doc("Port; the virtual server's when unset.") Integer port,
        SourcePosition position) {

    public SorryServer {
        Objects.requireNonNull(ip, "ip");
    }
}
