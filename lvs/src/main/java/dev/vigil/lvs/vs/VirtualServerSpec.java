package dev.vigil.lvs.vs;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.Service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured virtual server, with keepalived's defaults in {@link #of}.
 *
 * @param alpha              real servers start down and come up on their first good check
 *                           (otherwise they start up)
 * @param quorum             least total weight of live real servers for the service to be "up"
 * @param hysteresis         weight units of slack around the quorum before it is gained or lost
 * @param sorryServer        put in the table while the quorum is lost
 * @param sorryServerInhibit keep the sorry server in the table with weight 0 while not needed
 */
public record VirtualServerSpec(Service service, List<RealServerSpec> realServers, boolean alpha, int quorum,
                                int hysteresis, Optional<Destination> sorryServer, boolean sorryServerInhibit) {
    public VirtualServerSpec {
        Objects.requireNonNull(service, "service");
        realServers = List.copyOf(realServers);
        Objects.requireNonNull(sorryServer, "sorryServer");
        if (quorum < 1) {
            throw new IllegalArgumentException("quorum must be at least 1, not " + quorum);
        }
        if (hysteresis < 0 || hysteresis >= quorum && quorum > 1) {
            throw new IllegalArgumentException("hysteresis " + hysteresis + " must be from 0 to quorum - 1");
        }
    }

    /** keepalived's defaults: no alpha, quorum 1, hysteresis 0, no sorry server. */
    public static VirtualServerSpec of(Service service, List<RealServerSpec> realServers) {
        return new VirtualServerSpec(service, realServers, false, 1, 0, Optional.empty(), false);
    }

    /** keepalived's name for it: {@code 10.0.0.1:80}, {@code FWM 7}. */
    public String name() {
        return service.key().toString();
    }
}
