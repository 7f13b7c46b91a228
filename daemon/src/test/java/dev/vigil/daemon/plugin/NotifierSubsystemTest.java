package dev.vigil.daemon.plugin;

import dev.vigil.conf.LoadResult;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.lvs.CheckerStates;
import dev.vigil.daemon.lvs.LvsSubsystem;
import dev.vigil.daemon.lvs.VrrpStates;
import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;
import dev.vigil.vrrp.notify.StateChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifiers fed by VRRP and by the LVS subsystem on a fake IPVS table; keepalived's smtp_alert as an implicit notifier. */
class NotifierSubsystemTest {
    @TempDir
    Path dir;

    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Event>> received = new ConcurrentHashMap<>();
    private final Map<String, Section> sections = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Duration slow = Duration.ZERO;

    private final HealthCheckerFactory checker = new HealthCheckerFactory() {
        @Override
        public String type() {
            return "TCP_CHECK";
        }

        @Override
        public List<ConfigProblem> validate(Section section) {
            return List.of();
        }

        @Override
        public HealthChecker create(Section section, PluginContext context) {
            return target -> CompletableFuture.completedFuture(down.contains(target.realServer())
                    ? CheckResult.down("connection refused", Duration.ZERO) : CheckResult.up("ok", Duration.ZERO));
        }
    };

    /** A notifier type that records what it is given; {@code gate} and {@code slow} hold deliveries back. */
    private NotifierFactory recorder(String type) {
        return new NotifierFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public List<ConfigProblem> validate(Section section) {
                SectionReader r = new SectionReader(section);
                r.string("url");
                r.string("to");
                r.string("smtp_server");
                r.string("from");
                r.string("connect_timeout");
                r.string("router_id");
                r.string("helo_name");
                return r.finish();
            }

            @Override
            public Notifier create(Section section, PluginContext context) {
                String name = section.setting("url").map(s -> String.valueOf(s.value())).orElse(type);
                sections.put(name, section);
                List<Event> got = received.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>());
                return e -> {
                    gate.await();
                    Thread.sleep(slow.toMillis());
                    got.add(e);
                };
            }
        };
    }

    private PluginHost host() {
        return PluginHost.of(List.of(checker, recorder("webhook"), recorder("email")));
    }

    private VigilConfig load(PluginHost host, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        LoadResult r = host.loader().apply(f);
        assertThat(r.errors()).isEmpty();
        return r.config();
    }

    private static final String YAML = """
            global_defs:
              router_id: lb1
            notifiers:
              - type: webhook
                url: http://a/
              - type: webhook
                name: second
                url: http://b/
                delivery_timeout: 0.3
            virtual_server:
              - ip: 10.0.0.1
                port: 80
                protocol: TCP
                lvs_sched: rr
                delay_loop: 1
                quorum: 2
                real_server:
                  - ip: 192.168.1.2
                    port: 8080
                    checkers:
                      - type: TCP_CHECK
                        retry: 0
                  - ip: 192.168.1.3
                    port: 8080
                    checkers:
                      - type: TCP_CHECK
                        retry: 0
            """;

    @Test
    void vrrpAndLvsEventsReachEveryNotifierInOrderWithKeepalivedsNames() throws Exception {
        PluginHost host = host();
        VigilConfig config = load(host, "vigil.yaml", YAML);
        VrrpStates states = new VrrpStates();
        CheckerStates checkers = new CheckerStates();
        NotifierSubsystem notifiers = new NotifierSubsystem(host, states, checkers);
        LvsSubsystem lvs = new LvsSubsystem(host, states, FakeIpvsTable::new, checkers);
        try {
            notifiers.start(config);
            lvs.start(config);
            states.stateChanged(new StateChange(false, "VI_1", StateChange.MASTER, 150), "BACKUP", "master down timer");
            await(() -> lvs.status().toString().contains("quorum=up"));
            down.add("192.168.1.2:8080");
            await(() -> received.getOrDefault("http://a/", List.of()).size() >= 3);
            List<Event> a = received.get("http://a/");
            assertThat(a.get(0)).isInstanceOfSatisfying(VrrpEvent.class, v -> {
                assertThat(v.sequence()).isEqualTo(1);
                assertThat(v.node()).isEqualTo("lb1");
                assertThat(List.of(v.name(), v.from(), v.to(), v.priority(), v.reason()))
                        .containsExactly("VI_1", "BACKUP", "MASTER", 150, "master down timer");
            });
            assertThat(a.get(1)).isInstanceOfSatisfying(RealServerEvent.class, r -> {
                assertThat(List.of(r.virtualServer(), r.realServer(), r.up(), r.reason()))
                        .containsExactly("[10.0.0.1]:tcp:80", "[192.168.1.2]:tcp:8080", false, "TCP_CHECK: connection refused");
            });
            assertThat(a.get(2)).isInstanceOfSatisfying(VirtualServerEvent.class, v -> {
                assertThat(v.virtualServer()).isEqualTo("[10.0.0.1]:tcp:80");
                assertThat(v.quorumUp()).isFalse();
            });
            assertThat(a).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            await(() -> received.getOrDefault("http://b/", List.of()).size() >= 3);
            assertThat(received.get("http://b/")).isEqualTo(a);
            assertThat(sections.get("http://b/").settings()).as("host keys are the host's").doesNotContainKeys("name",
                    "delivery_timeout");
            assertThat(notifiers.status().toString()).contains("notifier=webhook-1", "notifier=second", "delivered=3");
        } finally {
            lvs.close();
            notifiers.close();
        }
    }

    @Test
    void countersShowTimeoutsAndDropsAndTheMetricsListThem() throws Exception {
        PluginHost host = host();
        VigilConfig config = load(host, "vigil.yaml", YAML);
        VrrpStates states = new VrrpStates();
        NotifierSubsystem notifiers = new NotifierSubsystem(host, states, new CheckerStates());
        try {
            notifiers.start(config);
            gate = new CountDownLatch(1);
            long start = System.nanoTime();
            for (int i = 0; i < NotifierQueue.CAPACITY + 10; i++) {
                states.stateChanged(new StateChange(false, "VI_1", i % 2 == 0 ? "MASTER" : "BACKUP", 100), "X", "t");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("publishing never waits for a notifier")
                    .isLessThan(Duration.ofSeconds(5));
            await(() -> notifiers.metrics().contains("vigil_notifier_timed_out_total{notifier=\"second\",type=\"webhook\"} 1"));
            gate.countDown();
            await(() -> notifiers.metrics().contains(
                    "vigil_notifier_delivered_total{notifier=\"webhook-1\",type=\"webhook\"} " + (NotifierQueue.CAPACITY + 1)));
            String m = notifiers.metrics();
            assertThat(m).contains("# TYPE vigil_notifier_delivered_total counter",
                    "# TYPE vigil_notifier_failed_total counter", "# TYPE vigil_notifier_timed_out_total counter",
                    "# TYPE vigil_notifier_dropped_total counter", "# TYPE vigil_notifier_queued gauge",
                    "vigil_notifier_dropped_total{notifier=\"webhook-1\",type=\"webhook\"} 9",
                    "vigil_notifier_failed_total{notifier=\"webhook-1\",type=\"webhook\"} 0");
            List<Event> got = received.get("http://a/");
            assertThat(got).extracting(Event::sequence).isSorted();
        } finally {
            gate.countDown();
            notifiers.close();
        }
    }

    private static final String KEEPALIVED = """
            global_defs {
                router_id LB_A
                notification_email {
                    ops@example.com
                    noc@example.com
                }
                notification_email_from lb-a@example.com
                smtp_server 127.0.0.1 2525
                smtp_connect_timeout 7
                smtp_alert_checker
            }
            vrrp_sync_group G1 {
                group {
                    VI_2
                }
                smtp_alert
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    10.0.0.100/24
                }
                smtp_alert
            }
            vrrp_instance VI_2 {
                interface eth0
                virtual_router_id 52
                priority 100
                virtual_ipaddress {
                    10.0.0.101/24
                }
                smtp_alert
            }
            vrrp_instance VI_3 {
                interface eth0
                virtual_router_id 53
                priority 100
                virtual_ipaddress {
                    10.0.0.102/24
                }
            }
            virtual_server 10.0.0.1 80 {
                delay_loop 1
                protocol TCP
                real_server 192.168.1.2 80 {
                    TCP_CHECK {
                        retry 0
                    }
                }
                real_server 192.168.1.3 80 {
                    smtp_alert off
                    TCP_CHECK {
                        retry 0
                    }
                }
            }
            """;

    @Test
    void keepalivedsSmtpAlertIsAnImplicitEmailNotifierMailingWhatKeepalivedMails() throws Exception {
        PluginHost host = host();
        VigilConfig config = load(host, "keepalived.conf", KEEPALIVED);
        VrrpStates states = new VrrpStates();
        CheckerStates checkers = new CheckerStates();
        NotifierSubsystem notifiers = new NotifierSubsystem(host, states, checkers);
        try {
            notifiers.start(config);
            Section s = sections.get("email");
            assertThat(s.settings().keySet()).containsExactly("to", "smtp_server", "from", "connect_timeout", "router_id",
                    "helo_name");
            assertThat(s.setting("to").orElseThrow().value()).isEqualTo(List.of("ops@example.com", "noc@example.com"));
            assertThat(s.setting("smtp_server").orElseThrow().value()).isEqualTo("127.0.0.1 2525");
            assertThat(s.setting("from").orElseThrow().value()).isEqualTo("lb-a@example.com");
            assertThat(s.setting("connect_timeout").orElseThrow().value()).isEqualTo("7.0");
            assertThat(s.setting("router_id").orElseThrow().value()).isEqualTo("LB_A");
            states.stateChanged(new StateChange(false, "VI_1", StateChange.MASTER, 100), "BACKUP", "t");
            states.stateChanged(new StateChange(false, "VI_2", StateChange.MASTER, 100), "BACKUP", "t");
            states.stateChanged(new StateChange(true, "G1", StateChange.MASTER, 0), "BACKUP", "t");
            states.stateChanged(new StateChange(false, "VI_3", StateChange.MASTER, 100), "BACKUP", "t");
            checkers.realServer("[10.0.0.1]:tcp:80", "[192.168.1.2]:tcp:80", false, "refused");
            checkers.realServer("[10.0.0.1]:tcp:80", "[192.168.1.3]:tcp:80", false, "refused");
            checkers.quorum("[10.0.0.1]:tcp:80", false, 0);
            await(() -> received.getOrDefault("email", List.of()).size() >= 4);
            assertThat(received.get("email")).extracting(NotifierSubsystemTest::describe).containsExactly(
                    "VI_1 MASTER", "G1 MASTER", "[192.168.1.2]:tcp:80 false", "[10.0.0.1]:tcp:80 false");
            assertThat(notifiers.status().toString()).contains("notifier=smtp_alert");
        } finally {
            notifiers.close();
        }
    }

    @Test
    void withoutSmtpAlertThereIsNoImplicitNotifier() throws Exception {
        PluginHost host = host();
        VigilConfig config = load(host, "keepalived.conf", KEEPALIVED.replace("smtp_alert_checker", "")
                .replace("smtp_alert\n", "\n"));
        NotifierSubsystem notifiers = new NotifierSubsystem(host, new VrrpStates(), new CheckerStates());
        try {
            notifiers.start(config);
            assertThat(sections).isEmpty();
            assertThat(notifiers.metrics()).isEmpty();
        } finally {
            notifiers.close();
        }
    }

    private static String describe(Event e) {
        if (e instanceof VrrpEvent v) {
            return v.name() + " " + v.to();
        }
        if (e instanceof RealServerEvent r) {
            return r.realServer() + " " + r.up();
        }
        VirtualServerEvent v = (VirtualServerEvent) e;
        return v.virtualServer() + " " + v.quorumUp();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
