package dev.vigil.lvs.reconcile;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The IPVS services Vigil wants and their real servers, in configuration order: what the
 * virtual-server logic (health, quorum, sorry server, inhibit) computes and the reconciler
 * applies.
 */
public record DesiredTable(Map<ServiceKey, Entry> entries) {

    /** One service and the destinations it should have. */
    public record Entry(Service service, List<Destination> destinations) {
        public Entry {
            Objects.requireNonNull(service, "service");
            destinations = List.copyOf(destinations);
            for (int i = 0; i < destinations.size(); i++) {
                for (int j = i + 1; j < destinations.size(); j++) {
                    if (destinations.get(i).sameServer(destinations.get(j))) {
                        throw new IllegalArgumentException(service.key() + ": real server "
                                + destinations.get(i).describe() + " appears twice");
                    }
                }
            }
        }
    }

    public DesiredTable {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        entries.forEach((k, e) -> {
            if (!k.equals(e.service().key())) {
                throw new IllegalArgumentException("entry " + k + " holds service " + e.service().key());
            }
        });
    }

    public static final DesiredTable EMPTY = new DesiredTable(Map.of());

    /** Builds a table in insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    public List<ServiceKey> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Builder for {@link DesiredTable}. */
    public static final class Builder {
        private final Map<ServiceKey, Entry> entries = new LinkedHashMap<>();

        public Builder service(Service service, List<Destination> destinations) {
            if (entries.putIfAbsent(service.key(), new Entry(service, destinations)) != null) {
                throw new IllegalArgumentException("service " + service.key() + " appears twice");
            }
            return this;
        }

        public DesiredTable build() {
            return new DesiredTable(entries);
        }
    }
}
