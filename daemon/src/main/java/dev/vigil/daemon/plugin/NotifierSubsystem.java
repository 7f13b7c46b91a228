package dev.vigil.daemon.plugin;

import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.lvs.VrrpStates;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.Subsystem;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import dev.vigil.plugin.notify.VrrpEvent;
import dev.vigil.vrrp.engine.EngineListener;
import dev.vigil.vrrp.notify.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The top-level {@code notifiers} list: each a plugin {@link Notifier} fed VRRP state changes as
 * {@link VrrpEvent}s through its own queue ({@link NotifierQueue}), never on the VRRP loop. A
 * reload recreates the notifiers when the list changed.
 */
public final class NotifierSubsystem implements Subsystem {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierSubsystem.class);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final PluginHost plugins;
    private final VrrpStates vrrp;
    private final AtomicLong sequence = new AtomicLong();
    private final EngineListener listener = this::vrrpChanged;
    private volatile List<NotifierQueue> queues = List.of();
    private volatile String node = "localhost";

    public NotifierSubsystem(PluginHost plugins, VrrpStates vrrp) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.vrrp = Objects.requireNonNull(vrrp, "vrrp");
    }

    @Override
    public String name() {
        return "notifiers";
    }

    @Override
    public void start(VigilConfig config) {
        queues = create(config);
        vrrp.subscribe(listener);
    }

    private List<NotifierQueue> create(VigilConfig config) {
        node = config.globalDefs().routerId() == null ? "localhost" : config.globalDefs().routerId();
        List<NotifierQueue> out = new ArrayList<>();
        for (Section s : config.notifiers()) {
            NotifierFactory f = plugins.notifiers().get(s.type());
            if (f == null) {
                throw new IllegalArgumentException("no plugin handles notifier type " + s.type());
            }
            Notifier n = f.create(PluginSections.of(s, Set.of()), plugins.context(node));
            out.add(new NotifierQueue(s.type(), n, LIMIT));
        }
        return out;
    }

    private void vrrpChanged(StateChange change, String from, String reason) {
        Event e = new VrrpEvent(sequence.incrementAndGet(), Instant.now(), node, change.group(), change.name(), from,
                change.state(), change.priority(), reason);
        queues.forEach(q -> q.offer(e));
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        if (previous.notifiers().equals(next.notifiers())) {
            return ReloadOutcome.applied(List.of());
        }
        try {
            List<NotifierQueue> fresh = create(next);
            List<NotifierQueue> old = queues;
            queues = fresh;
            old.forEach(NotifierQueue::close);
            return ReloadOutcome.applied(List.of(fresh.size() + " notifiers"));
        } catch (RuntimeException e) {
            LOG.error("notifiers: {}", e.getMessage());
            return ReloadOutcome.refused(List.of(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notifiers", queues.stream().map(NotifierQueue::row).toList());
        return m;
    }

    @Override
    public void close() {
        vrrp.unsubscribe(listener);
        queues.forEach(NotifierQueue::close);
        queues = List.of();
    }
}
