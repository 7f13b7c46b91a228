package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.lvs.engine.LvsEvents;
import dev.vigil.vrrp.notify.FifoNotifier;
import dev.vigil.vrrp.notify.StateChange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * keepalived's {@code notify_fifo}, {@code vrrp_notify_fifo} and {@code lvs_notify_fifo}: one line
 * per VRRP state change ({@code INSTANCE "VI_1" MASTER 100}) to notify_fifo and vrrp_notify_fifo,
 * one per real server or quorum change ({@code RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN},
 * {@code VS [10.0.0.1]:tcp:80 UP}) to notify_fifo and lvs_notify_fifo, never blocking the caller.
 * A path named twice gets one writer. A reload that keeps a path keeps its writer; a changed path
 * is closed and the new one opened.
 */
final class NotifyFifos implements AutoCloseable, LvsEvents {
    /** A writer and what it gets. */
    private record Fifo(FifoNotifier writer, boolean vrrp, boolean checker) {
    }

    private Map<String, Fifo> open = new LinkedHashMap<>();

    /** Opens the FIFOs {@code globals} names. */
    synchronized void configure(GlobalDefs globals) {
        Map<String, boolean[]> roles = new LinkedHashMap<>();
        role(roles, globals.notifyFifo(), true, true);
        role(roles, globals.vrrpNotifyFifo(), true, false);
        role(roles, globals.lvsNotifyFifo(), false, true);
        Map<String, Fifo> next = new LinkedHashMap<>();
        roles.forEach((p, r) -> {
            Fifo existing = open.remove(p);
            next.put(p, new Fifo(existing != null ? existing.writer() : new FifoNotifier(Path.of(p)), r[0], r[1]));
        });
        open.values().forEach(f -> f.writer().close());
        open = next;
    }

    private static void role(Map<String, boolean[]> roles, String path, boolean vrrp, boolean checker) {
        if (path != null) {
            boolean[] r = roles.computeIfAbsent(path, k -> new boolean[2]);
            r[0] |= vrrp;
            r[1] |= checker;
        }
    }

    synchronized void notify(StateChange change) {
        open.values().stream().filter(Fifo::vrrp).forEach(f -> f.writer().notify(change));
    }

    @Override
    public synchronized void realServer(String virtualServer, String realServer, boolean up, String reason) {
        checkerLine("RS " + realServer + " " + virtualServer + " " + (up ? "UP" : "DOWN"));
    }

    @Override
    public synchronized void quorum(String virtualServer, boolean up, int liveWeight) {
        checkerLine("VS " + virtualServer + " " + (up ? "UP" : "DOWN"));
    }

    private void checkerLine(String line) {
        open.values().stream().filter(Fifo::checker).forEach(f -> f.writer().notifyLine(line));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(f -> f.writer().close());
        open = new LinkedHashMap<>();
    }
}
