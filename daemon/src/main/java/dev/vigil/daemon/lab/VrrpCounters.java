package dev.vigil.daemon.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A Vigil daemon's VRRP counters, summed over its instances, read with {@code vigil status --json}.
 *
 * @param transitions state transitions since the daemon started
 * @param advertsSent advertisements sent since the daemon started
 */
public record VrrpCounters(long transitions, long advertsSent) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counters of {@code vigil}; throws when it does not answer. */
    public static VrrpCounters of(VigilProcess vigil) {
        ExecResult r = vigil.cli("status", "--json");
        if (!r.ok()) {
            throw new IllegalStateException("vigil status exited " + r.exit() + ": " + r.err().strip());
        }
        try {
            long transitions = 0;
            long sent = 0;
            for (JsonNode i : JSON.readTree(r.out()).path("subsystems").path("vrrp").path("instances")) {
                transitions += i.path("counters").path("transitions").asLong();
                sent += i.path("counters").path("adverts_sent").asLong();
            }
            return new VrrpCounters(transitions, sent);
        } catch (IOException e) {
            throw new IllegalStateException("vigil status --json: " + e.getMessage(), e);
        }
    }
}
