package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.util.Objects;

/** VRRPv2 authentication (RFC 2338 section 5.3.6); only the first eight characters of the password count. */
public record Authentication(
        @Default("PASS") @Doc("PASS or AH.") AuthType authType,
        @Doc("Shared password.") String authPass,
        SourcePosition position) {

    public Authentication {
        Objects.requireNonNull(authType, "authType");
    }
}
