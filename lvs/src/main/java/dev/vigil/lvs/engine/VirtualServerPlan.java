package dev.vigil.lvs.engine;

import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.lvs.vs.VirtualServerSpec;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One configured virtual server: its health semantics ({@link VirtualServerSpec}), every IPVS
 * service it stands for (one, or the members of a {@code virtual_server_group}, all with the same
 * real servers), the checks of each real server and its scripts.
 *
 * @param name       keepalived's name: {@code 10.0.0.1:80}, {@code FWM 7} or the group's name
 * @param services   the spec's service first, then the other group members
 * @param haSuspend  suspend the checks while none of the service addresses is on this machine
 * @param omega      run notify_down and quorum_down scripts at stop
 * @param quorumUp   command line run when the quorum is gained, or null
 * @param quorumDown command line run when the quorum is lost, or null
 */
public record VirtualServerPlan(String name, VirtualServerSpec spec, List<Service> services,
                                List<RealServerPlan> realServers, boolean haSuspend, boolean omega,
                                String quorumUp, String quorumDown) {
    public VirtualServerPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        services = List.copyOf(services);
        realServers = List.copyOf(realServers);
        if (services.isEmpty() || !services.get(0).equals(spec.service())) {
            throw new IllegalArgumentException(name + ": the first service must be the spec's");
        }
        if (realServers.size() != spec.realServers().size()) {
            throw new IllegalArgumentException(name + ": " + realServers.size() + " check plans for "
                    + spec.realServers().size() + " real servers");
        }
    }

    /** A virtual server of one service without checks or scripts. */
    public static VirtualServerPlan of(VirtualServerSpec spec) {
        return new VirtualServerPlan(spec.name(), spec, List.of(spec.service()),
                spec.realServers().stream().map(r -> new RealServerPlan(List.of(), null, null)).toList(),
                false, false, null, null);
    }

    /** The addresses of its address-and-port services (fwmark services have none). */
    public Set<InetAddress> addresses() {
        return services.stream().map(Service::key).filter(k -> k instanceof ServiceKey.Inet)
                .map(k -> ((ServiceKey.Inet) k).address()).collect(Collectors.toSet());
    }
}
