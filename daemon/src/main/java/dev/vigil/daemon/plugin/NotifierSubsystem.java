package dev.vigil.daemon.plugin;

import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.lvs.CheckerStates;
import dev.vigil.daemon.lvs.VrrpStates;
import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.Subsystem;
import dev.vigil.lvs.engine.LvsEvents;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The top-level {@code notifiers} list, plus the implicit {@code email} notifier keepalived's
 * global_defs amount to ({@link SmtpAlerts}): each a plugin {@link Notifier} fed VRRP state changes
 * ({@link VrrpEvent}) and health transitions ({@link RealServerEvent}, {@link VirtualServerEvent})
 * through its own queue ({@link NotifierQueue}), never on the VRRP or LVS loop. Every event gets the
 * next sequence number of this node. A reload recreates the notifiers when their configuration
 * changed; counters are kept by notifier name.
 */
public final class NotifierSubsystem implements Subsystem {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierSubsystem.class);
    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** One running notifier and the events it takes. */
    private record Running(NotifierQueue queue, Predicate<Event> accepts) {
    }

    private final PluginHost plugins;
    private final VrrpStates vrrp;
    private final CheckerStates checkers;
    private final AtomicLong sequence = new AtomicLong();
    private final EngineListener listener = this::vrrpChanged;
    private final LvsEvents checkerListener = new LvsEvents() {
        @Override
        public void realServer(String virtualServer, String realServer, boolean up, String reason) {
            publish(new RealServerEvent(sequence.incrementAndGet(), Instant.now(), node, virtualServer, realServer, up,
                    reason));
        }

        @Override
        public void quorum(String virtualServer, boolean up, int liveWeight) {
            publish(new VirtualServerEvent(sequence.incrementAndGet(), Instant.now(), node, virtualServer, up));
        }
    };
    private final Map<String, NotifierCounters> counters = new ConcurrentHashMap<>();
    private volatile List<Running> running = List.of();
    private volatile String node = hostName();

    public NotifierSubsystem(PluginHost plugins, VrrpStates vrrp) {
        this(plugins, vrrp, new CheckerStates());
    }

    public NotifierSubsystem(PluginHost plugins, VrrpStates vrrp, CheckerStates checkers) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.vrrp = Objects.requireNonNull(vrrp, "vrrp");
        this.checkers = Objects.requireNonNull(checkers, "checkers");
    }

    @Override
    public String name() {
        return "notifiers";
    }

    @Override
    public void start(VigilConfig config) {
        running = create(config);
        vrrp.subscribe(listener);
        checkers.subscribe(checkerListener);
    }

    private List<Running> create(VigilConfig config) {
        String routerId = config.globalDefs().routerId();
        String nodeName = routerId == null ? hostName() : routerId;
        List<Running> out = new ArrayList<>();
        try {
            Map<String, Integer> perType = new LinkedHashMap<>();
            for (Section s : config.notifiers()) {
                NotifierFactory f = factory(s.type());
                dev.vigil.plugin.Section all = PluginSections.of(s, java.util.Set.of());
                int n = perType.merge(s.type(), 1, Integer::sum);
                String name = all.setting("name").map(x -> String.valueOf(x.value())).orElse(s.type() + "-" + n);
                Duration limit = all.setting("delivery_timeout")
                        .map(x -> Duration.ofMillis(Math.round(Double.parseDouble(String.valueOf(x.value())) * 1000)))
                        .orElse(DEFAULT_LIMIT);
                Notifier notifier = f.create(PluginSections.of(s, NotifierKeys.SHARED), plugins.context(nodeName));
                out.add(new Running(queue(name, s.type(), notifier, limit), e -> true));
            }
            smtpAlerts(config, nodeName).ifPresent(out::add);
        } catch (RuntimeException e) {
            out.forEach(r -> r.queue().close(Duration.ZERO));
            throw e;
        }
        node = nodeName;
        return out;
    }

    private Optional<Running> smtpAlerts(VigilConfig config, String nodeName) {
        Optional<dev.vigil.plugin.Section> section = SmtpAlerts.section(config.globalDefs(), nodeName, hostName());
        if (section.isEmpty() || !SmtpAlerts.any(config)) {
            return Optional.empty();
        }
        NotifierFactory f = plugins.notifiers().get("email");
        if (f == null) {
            LOG.warn("smtp_alert: no plugin handles notifier type email (see --plugins-dir): no alert mail will be sent");
            return Optional.empty();
        }
        Notifier notifier = f.create(section.get(), plugins.context(nodeName));
        Duration limit = config.globalDefs().smtpConnectTimeout().multipliedBy(8).plusSeconds(1);
        return Optional.of(new Running(queue(SmtpAlerts.NAME, "email", notifier, limit), SmtpAlerts.filter(config)));
    }

    private NotifierQueue queue(String name, String type, Notifier notifier, Duration limit) {
        return new NotifierQueue(name, type, notifier, limit, counters.computeIfAbsent(name, k -> new NotifierCounters()));
    }

    private NotifierFactory factory(String type) {
        NotifierFactory f = plugins.notifiers().get(type);
        if (f == null) {
            throw new IllegalArgumentException("no plugin handles notifier type " + type);
        }
        return f;
    }

    private void vrrpChanged(StateChange change, String from, String reason) {
        publish(new VrrpEvent(sequence.incrementAndGet(), Instant.now(), node, change.group(), change.name(), from,
                change.state(), change.priority(), reason));
    }

    private void publish(Event e) {
        for (Running r : running) {
            if (r.accepts().test(e)) {
                r.queue().offer(e);
            }
        }
    }

    @Override
    public ReloadOutcome reload(VigilConfig previous, VigilConfig next) {
        if (previous.notifiers().equals(next.notifiers()) && previous.globalDefs().equals(next.globalDefs())
                && SmtpAlerts.any(previous) == SmtpAlerts.any(next)) {
            // Same notifiers: only which events keepalived's alerts mail about may have changed.
            Predicate<Event> mails = SmtpAlerts.filter(next);
            running = running.stream().map(r -> r.queue().name().equals(SmtpAlerts.NAME)
                    ? new Running(r.queue(), mails) : r).toList();
            return ReloadOutcome.applied(List.of());
        }
        try {
            List<Running> fresh = create(next);
            List<Running> old = running;
            running = fresh;
            old.forEach(r -> r.queue().close(CLOSE_GRACE));
            return ReloadOutcome.applied(List.of(fresh.size() + " notifiers"));
        } catch (RuntimeException e) {
            LOG.error("notifiers: {}", e.getMessage());
            return ReloadOutcome.refused(List.of(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notifiers", running.stream().map(r -> r.queue().row()).toList());
        return m;
    }

    @Override
    public String metrics() {
        List<NotifierQueue> queues = running.stream().map(Running::queue).toList();
        if (queues.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        counter(sb, queues, "delivered", "Events a notifier delivered.", c -> c.delivered.get());
        counter(sb, queues, "failed", "Events whose delivery failed (the notifier reported an error).", c -> c.failed.get());
        counter(sb, queues, "timed_out", "Events whose delivery outlasted the notifier's delivery_timeout.",
                c -> c.timedOut.get());
        counter(sb, queues, "dropped", "Events dropped because the notifier's queue was full or closed.",
                c -> c.dropped.get());
        sb.append("# HELP vigil_notifier_queued Events waiting in a notifier's queue.\n");
        sb.append("# TYPE vigil_notifier_queued gauge\n");
        for (NotifierQueue q : queues) {
            sb.append("vigil_notifier_queued").append(labels(q)).append(' ').append(q.row().get("queued")).append('\n');
        }
        return sb.toString();
    }

    private static void counter(StringBuilder sb, List<NotifierQueue> queues, String what, String help,
                                java.util.function.ToLongFunction<NotifierCounters> value) {
        String metric = "vigil_notifier_" + what + "_total";
        sb.append("# HELP ").append(metric).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(metric).append(" counter\n");
        for (NotifierQueue q : queues) {
            sb.append(metric).append(labels(q)).append(' ').append(value.applyAsLong(q.counters())).append('\n');
        }
    }

    private static String labels(NotifierQueue q) {
        return "{notifier=\"" + escape(q.name()) + "\",type=\"" + escape(q.type()) + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        vrrp.unsubscribe(listener);
        checkers.unsubscribe(checkerListener);
        running.forEach(r -> r.queue().close(CLOSE_GRACE));
        running = List.of();
    }
}
