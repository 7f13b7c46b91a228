package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.vrrp.notify.FifoNotifier;
import dev.vigil.vrrp.notify.StateChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * keepalived's {@code notify_fifo} and {@code vrrp_notify_fifo}: one line per VRRP state change
 * ({@code INSTANCE "VI_1" MASTER 100}) written to each configured FIFO, never blocking the caller.
 * A reload that keeps a path keeps its writer; a changed path is closed and the new one opened.
 */
final class NotifyFifos implements AutoCloseable {
    private Map<String, FifoNotifier> open = new LinkedHashMap<>();

    /** Opens the FIFOs {@code globals} names (both may be the same file: one writer then). */
    synchronized void configure(GlobalDefs globals) {
        List<String> paths = new ArrayList<>();
        if (globals.notifyFifo() != null) {
            paths.add(globals.notifyFifo());
        }
        if (globals.vrrpNotifyFifo() != null && !Objects.equals(globals.vrrpNotifyFifo(), globals.notifyFifo())) {
            paths.add(globals.vrrpNotifyFifo());
        }
        Map<String, FifoNotifier> next = new LinkedHashMap<>();
        for (String p : paths) {
            FifoNotifier existing = open.remove(p);
            next.put(p, existing != null ? existing : new FifoNotifier(Path.of(p)));
        }
        open.values().forEach(FifoNotifier::close);
        open = next;
    }

    synchronized void notify(StateChange change) {
        open.values().forEach(f -> f.notify(change));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(FifoNotifier::close);
        open = new LinkedHashMap<>();
    }
}
