package dev.vigil.lvs.vs;

import dev.vigil.kernel.ipvs.Destination;

import java.util.Objects;

/**
 * A configured real server.
 *
 * @param destination      the IPVS destination with its configured weight
 * @param inhibitOnFailure keep it in the table with weight 0 while it is down, instead of removing it
 */
public record RealServerSpec(Destination destination, boolean inhibitOnFailure) {
    public RealServerSpec {
        Objects.requireNonNull(destination, "destination");
    }

    /** {@code 192.168.1.2:80}, as logs and notifications name it. */
    public String name() {
        return destination.describe();
    }
}
