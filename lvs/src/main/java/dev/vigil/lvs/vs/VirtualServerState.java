package dev.vigil.lvs.vs;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.lvs.reconcile.DesiredTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The live state of one virtual server: which real servers are up, with what weight, and whether
 * the quorum holds. Health results go in ({@link #realServerHealth}); changes come out as
 * {@link Change} values for notifications, and {@link #desired()} gives the IPVS entry to
 * reconcile. Follows keepalived: a down real server leaves the table, or stays with weight 0 when
 * it inhibits on failure; the quorum is the total weight of live real servers, gained at
 * {@code quorum + hysteresis} and lost below {@code quorum - hysteresis}; the sorry server stands
 * in while it is lost, and the live real servers leave the table meanwhile (inhibited ones stay with
 * weight 0), as keepalived 2.2.7 does. Confined to one thread.
 */
public final class VirtualServerState {
    /** Something notifiers hear about. */
    public sealed interface Change {
        /** A real server went up or down. */
        record RealServer(String realServer, boolean up, String reason) implements Change {
        }

        /** The quorum was gained or lost. */
        record Quorum(boolean up, int liveWeight) implements Change {
        }
    }

    private final VirtualServerSpec spec;
    private final boolean[] up;
    private final int[] weight;
    private boolean quorumUp;

    public VirtualServerState(VirtualServerSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        int n = spec.realServers().size();
        up = new boolean[n];
        weight = new int[n];
        for (int i = 0; i < n; i++) {
            up[i] = !spec.alpha();
            weight[i] = spec.realServers().get(i).destination().weight();
        }
        quorumUp = liveWeight() >= spec.quorum();
    }

    public VirtualServerSpec spec() {
        return spec;
    }

    /**
     * Records a health result for real server {@code index}: {@code newWeight} is a dynamic weight
     * (keepalived's {@code misc_dynamic}) or empty to keep the current one.
     */
    public List<Change> realServerHealth(int index, boolean healthy, OptionalInt newWeight, String reason) {
        List<Change> changes = new ArrayList<>();
        newWeight.ifPresent(w -> weight[index] = w);
        if (up[index] != healthy) {
            up[index] = healthy;
            changes.add(new Change.RealServer(spec.realServers().get(index).name(), healthy, reason));
        }
        int live = liveWeight();
        if (!quorumUp && live >= spec.quorum() + spec.hysteresis()) {
            quorumUp = true;
            changes.add(new Change.Quorum(true, live));
        } else if (quorumUp && live < spec.quorum() - spec.hysteresis()) {
            quorumUp = false;
            changes.add(new Change.Quorum(false, live));
        }
        return changes;
    }

    public boolean isUp(int index) {
        return up[index];
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    /** Total weight of the live real servers. */
    public int liveWeight() {
        int sum = 0;
        for (int i = 0; i < up.length; i++) {
            if (up[i]) {
                sum += weight[i];
            }
        }
        return sum;
    }

    /** The service and the destinations it should have now. */
    public DesiredTable.Entry desired() {
        List<Destination> dests = new ArrayList<>();
        boolean sorryIn = !quorumUp && spec.sorryServer().isPresent();
        for (int i = 0; i < up.length; i++) {
            RealServerSpec rs = spec.realServers().get(i);
            if (up[i]) {
                if (!sorryIn) {
                    dests.add(rs.destination().withWeight(weight[i]));
                }
            } else if (rs.inhibitOnFailure()) {
                dests.add(rs.destination().withWeight(0));
            }
        }
        spec.sorryServer().ifPresent(sorry -> {
            if (!quorumUp) {
                dests.add(sorry);
            } else if (spec.sorryServerInhibit()) {
                dests.add(sorry.withWeight(0));
            }
        });
        return new DesiredTable.Entry(spec.service(), dests);
    }
}
