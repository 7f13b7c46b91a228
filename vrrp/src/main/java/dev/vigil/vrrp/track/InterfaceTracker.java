package dev.vigil.vrrp.track;

import dev.vigil.kernel.rtnl.Link;
import dev.vigil.kernel.rtnl.LinkEvent;
import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.vrrp.time.Scheduler;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code track_interface} entry: up while the interface exists, is administratively up and has
 * carrier. Follows {@link LinkMonitor} events, which arrive on the monitor's thread and are handed
 * to the loop; the status is re-read from the monitor there, so a missed or reordered event
 * cannot leave it stale.
 */
public final class InterfaceTracker extends BaseTracked implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceTracker.class);

    private final String ifname;
    private final LinkMonitor monitor;
    private final Scheduler loop;
    private final LinkMonitor.Subscription subscription;
    private volatile boolean closed;

    /** Tracks interface {@code ifname}; the first status is read from {@code monitor} now. */
    public InterfaceTracker(String ifname, LinkMonitor monitor, Scheduler loop) {
        super(ifname, read(ifname, monitor));
        this.ifname = ifname;
        this.monitor = monitor;
        this.loop = Objects.requireNonNull(loop, "loop");
        this.subscription = monitor.subscribe(this::onEvent);
    }

    private void onEvent(LinkEvent e) {
        if (!closed && concerns(e)) {
            loop.execute(this::refresh);
        }
    }

    private boolean concerns(LinkEvent e) {
        if (e instanceof LinkEvent.LinkUpdated u) {
            return ifname.equals(u.current().name()) || (u.previous() != null && ifname.equals(u.previous().name()));
        }
        if (e instanceof LinkEvent.LinkRemoved r) {
            return ifname.equals(r.link().name());
        }
        return e instanceof LinkEvent.Resynced;
    }

    private static TrackStatus read(String ifname, LinkMonitor monitor) {
        return monitor.link(ifname).map(Link::usable).orElse(false) ? TrackStatus.UP : TrackStatus.DOWN;
    }

    private void refresh() {
        if (closed) {
            return;
        }
        TrackStatus next = read(ifname, monitor);
        if (!next.equals(status())) {
            LOG.info("interface {} {}", ifname, next.up() ? "up" : "down");
            publish(next);
        }
    }

    /** Stops following the monitor (the monitor itself stays open). */
    @Override
    public void close() {
        closed = true;
        subscription.close();
    }
}
