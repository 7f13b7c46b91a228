package dev.vigil.lvs.reconcile;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the writes that turn the kernel's table into the desired one. Pure: it compares two
 * snapshots and touches nothing.
 *
 * <p>Only managed services are looked at: the desired ones and those Vigil put there before
 * (a reload that drops a virtual server deletes it). Everything else in the kernel belongs to
 * someone else and stays. A managed service that exists is adopted: edited in place when its
 * settings differ, never deleted and re-added, so established connections survive. Order:
 * unwanted real servers go first (freeing capacity before new ones arrive), then services are
 * added or edited, then real servers are added or edited, and dropped services go last.
 */
public final class ReconcilePlan {
    private ReconcilePlan() {
    }

    /**
     * @param desired    what should be there
     * @param actual     the kernel's services with their destinations
     * @param previously services Vigil managed until now (deleted when no longer desired)
     */
    public static List<IpvsOp> plan(DesiredTable desired, Map<Service, List<Destination>> actual,
                                    Set<ServiceKey> previously) {
        Map<ServiceKey, Service> actualServices = new HashMap<>();
        Map<ServiceKey, List<Destination>> actualDests = new HashMap<>();
        actual.forEach((s, d) -> {
            actualServices.put(s.key(), s);
            actualDests.put(s.key(), d);
        });
        List<IpvsOp> removeDests = new ArrayList<>();
        List<IpvsOp> services = new ArrayList<>();
        List<IpvsOp> dests = new ArrayList<>();
        for (DesiredTable.Entry e : desired.entries().values()) {
            ServiceKey key = e.service().key();
            Service have = actualServices.get(key);
            if (have == null) {
                services.add(new IpvsOp.AddService(e.service()));
            } else if (!have.sameConfig(e.service())) {
                services.add(new IpvsOp.EditService(e.service()));
            }
            diffDestinations(key, e.destinations(), actualDests.getOrDefault(key, List.of()), removeDests, dests);
        }
        List<IpvsOp> ops = new ArrayList<>(removeDests);
        ops.addAll(services);
        ops.addAll(dests);
        for (ServiceKey key : previously) {
            if (!desired.entries().containsKey(key) && actualServices.containsKey(key)) {
                ops.add(new IpvsOp.DeleteService(key));
            }
        }
        return ops;
    }

    private static void diffDestinations(ServiceKey key, List<Destination> want, List<Destination> have,
                                         List<IpvsOp> removals, List<IpvsOp> writes) {
        for (Destination h : have) {
            if (want.stream().noneMatch(w -> w.sameServer(h))) {
                removals.add(new IpvsOp.DeleteDestination(key, h));
            }
        }
        for (Destination w : want) {
            Destination h = have.stream().filter(x -> x.sameServer(w)).findFirst().orElse(null);
            if (h == null) {
                writes.add(new IpvsOp.AddDestination(key, w));
            } else if (!h.sameConfig(w)) {
                writes.add(new IpvsOp.EditDestination(key, w));
            }
        }
    }
}
