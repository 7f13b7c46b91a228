package dev.vigil.vrrp.track;

import dev.vigil.vrrp.time.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one instance tracks, bound to the shared {@link TrackedObject}s: recomputes the
 * {@link PriorityCalculator.Effective} result whenever one of them changes and calls
 * {@code onChange} on the loop when the result differs. The objects are shared and stay open
 * when this closes.
 */
public final class InstanceTracking implements AutoCloseable {
    private final int basePriority;
    private final List<Binding> bindings;
    private final Scheduler loop;
    private final Consumer<PriorityCalculator.Effective> onChange;
    private final Set<TrackedObject> subscribed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<TrackStatus> listener = s -> recompute();
    private PriorityCalculator.Effective current;
    private boolean closed;

    /** Binds and computes the first result (available from {@link #current()}; not reported to {@code onChange}). */
    public InstanceTracking(int basePriority, List<Binding> bindings, Scheduler loop,
                            Consumer<PriorityCalculator.Effective> onChange) {
        this.basePriority = basePriority;
        this.bindings = List.copyOf(Objects.requireNonNull(bindings, "bindings"));
        this.loop = Objects.requireNonNull(loop, "loop");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.current = compute();
        for (Binding b : this.bindings) {
            if (subscribed.add(b.object())) {
                b.object().subscribe(listener);
            }
        }
    }

    /** The latest result. */
    public PriorityCalculator.Effective current() {
        return current;
    }

    private PriorityCalculator.Effective compute() {
        List<PriorityCalculator.Contribution> cs = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            Tracked t = b.tracked();
            cs.add(new PriorityCalculator.Contribution(t.name(), t.weight(), t.reverse(), b.object().status(), b.kind()));
        }
        return PriorityCalculator.compute(basePriority, cs);
    }

    private void recompute() {
        if (!loop.inLoop()) {
            loop.execute(this::recompute);
            return;
        }
        if (closed) {
            return;
        }
        PriorityCalculator.Effective next = compute();
        if (!next.equals(current)) {
            current = next;
            onChange.accept(next);
        }
    }

    /** Unsubscribes from the tracked objects. */
    @Override
    public void close() {
        closed = true;
        subscribed.forEach(o -> o.unsubscribe(listener));
        subscribed.clear();
    }
}
