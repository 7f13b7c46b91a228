package dev.vigil.lvs.reconcile;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.OpResult;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the kernel's IPVS table equal to a {@link DesiredTable}: reads the managed services,
 * plans the difference ({@link ReconcilePlan}) and applies it in one batch. A call with nothing
 * to change writes nothing. Not thread-safe: one owner (the LVS event loop) calls it.
 */
public final class IpvsReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(IpvsReconciler.class);

    private final IpvsTable table;
    private final Set<ServiceKey> managed = new LinkedHashSet<>();

    /** The outcome of one pass: the ops applied and the ones the kernel refused. */
    public record Result(List<IpvsOp> ops, List<OpResult> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }

        public boolean changed() {
            return !ops.isEmpty();
        }
    }

    public IpvsReconciler(IpvsTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Brings the kernel to {@code desired}; services managed before and no longer desired are deleted. */
    public Result reconcile(DesiredTable desired) {
        Map<Service, List<Destination>> actual = new LinkedHashMap<>();
        for (Service s : table.listServices()) {
            if (desired.entries().containsKey(s.key()) || managed.contains(s.key())) {
                actual.put(s, table.listDestinations(s.key()));
            }
        }
        List<IpvsOp> ops = ReconcilePlan.plan(desired, actual, managed);
        List<OpResult> failures = ops.isEmpty() ? List.of()
                : table.apply(ops).stream().filter(r -> !r.ok()).toList();
        for (OpResult f : failures) {
            LOG.warn("IPVS: {}", f);
        }
        managed.clear();
        managed.addAll(desired.entries().keySet());
        return new Result(ops, failures);
    }

    /** The services this reconciler manages now. */
    public Set<ServiceKey> managed() {
        return Set.copyOf(managed);
    }
}
