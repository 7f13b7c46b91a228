package dev.vigil.healthcheck.udp;

import dev.vigil.healthcheck.net.Hex;

import java.util.Objects;
import java.util.Optional;

/**
 * One UDP_CHECK section.
 *
 * @param payload      what to send; random bytes when empty
 * @param requireReply whether a reply must come back
 * @param reply        what the reply must start with (X digits match anything), when required
 * @param minLength    shortest acceptable reply
 * @param maxLength    longest acceptable reply
 */
public record UdpSettings(Optional<Hex> payload, boolean requireReply, Optional<Hex> reply, int minLength,
                          int maxLength) {
    public UdpSettings {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(reply, "reply");
    }
}
