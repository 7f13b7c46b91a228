package dev.vigil.kernel.rtnl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Subscribed {@link LinkMonitor.Listener}s; a listener that throws is logged and keeps its subscription. */
final class ListenerList {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerList.class);
    private final List<LinkMonitor.Listener> listeners = new CopyOnWriteArrayList<>();

    LinkMonitor.Subscription add(LinkMonitor.Listener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void deliver(List<LinkEvent> events) {
        for (LinkEvent e : events) {
            for (LinkMonitor.Listener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (VirtualMachineError fatal) {
                    throw fatal;
                } catch (Throwable ex) {
                    // Any other failure stays with the listener: delivery to the rest goes on.
                    LOG.warn("link event listener {} failed on {}", l, e, ex);
                }
            }
        }
    }

    void clear() {
        listeners.clear();
    }
}
