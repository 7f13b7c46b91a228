package dev.vigil.daemon.lvs;

import dev.vigil.conf.LoadResult;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.lvs.engine.VirtualServerPlan;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;
import dev.vigil.vrrp.notify.StateChange;
import dev.vigil.daemon.metrics.PromText;
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

import static org.assertj.core.api.Assertions.assertThat;

/** keepalived.conf -> plugin validation -> LVS subsystem on a fake IPVS table, with a checker whose answers the test sets. */
class LvsSubsystemTest {
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    /** A checker of {@code type} (TCP_CHECK stands in for the real plugin): healthy unless the test put the real server in {@link #down}; knows one key, {@code mode}. */
    private final HealthCheckerFactory fake = factory("TCP_CHECK");

    private HealthCheckerFactory factory(String type) {
        return new HealthCheckerFactory() {
        @Override
        public String type() {
            return type;
        }

        @Override
        public List<ConfigProblem> validate(Section section) {
            SectionReader r = new SectionReader(section);
            r.string("mode");
            return r.finish();
        }

        @Override
        public HealthChecker create(Section section, PluginContext context) {
            return target -> CompletableFuture.completedFuture(down.contains(target.realServer())
                    ? CheckResult.down("down by test", Duration.ZERO) : CheckResult.up("ok", Duration.ZERO));
        }
        };
    }

    private static final String CONF = """
            global_defs {
                router_id lb1
            }
            virtual_server 10.0.0.1 80 {
                delay_loop 1
                lvs_sched rr
                lvs_method NAT
                protocol TCP
                real_server 192.168.1.2 80 {
                    weight 2
                    TCP_CHECK {
                        connect_timeout 1
                        retry 0
                        warmup 0
                    }
                }
                real_server 192.168.1.3 80 {
                    inhibit_on_failure
                    TCP_CHECK {
                        retry 0
                        warmup 0
                    }
                }
            }
            """;

    private static Path write(Path dir, String text) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aBadCheckerKeyIsReportedWhereItWasWritten(@TempDir Path dir) throws Exception {
        PluginHost host = PluginHost.of(List.of(fake));
        LoadResult r = host.loader().apply(write(dir, CONF.replace("connect_timeout 1",
                "connect_timeout 1\n                        mdoe fast")));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Object::toString)
                .anyMatch(s -> s.matches(".*keepalived.conf:13(:\\d+)?: unknown key 'mdoe' in TCP_CHECK; did you mean 'mode'\\?"));
    }

    @Test
    void anUnknownCheckerTypeIsAnErrorNamingTheKnownTypes(@TempDir Path dir) throws Exception {
        LoadResult r = PluginHost.of(List.of(factory("HTTP_GET"), factory("MY_CHECK"))).loader().apply(write(dir, CONF));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Object::toString)
                .anyMatch(s -> s.contains("unknown checker type 'TCP_CHECK'") && s.contains("known types: HTTP_GET, MY_CHECK"));
    }

    @Test
    void healthDrivesTheTableAndAnUnchangedReloadWritesNothing(@TempDir Path dir) throws Exception {
        PluginHost host = PluginHost.of(List.of(fake));
        LoadResult r = host.loader().apply(write(dir, CONF));
        assertThat(r.errors()).isEmpty();
        FakeIpvsTable table = new FakeIpvsTable();
        VrrpStates states = new VrrpStates();
        LvsSubsystem lvs = new LvsSubsystem(host, states, () -> table);
        try {
            lvs.start(r.config());
            await(() -> {
                return IpvsadmSave.save(table).equals("""
                    -A -t 10.0.0.1:80 -s rr
                    -a -t 10.0.0.1:80 -r 192.168.1.2:80 -m -w 2
                    -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 1
                    """);
            });
            down.add("192.168.1.2:80");
            down.add("192.168.1.3:80");
            await(() -> IpvsadmSave.save(table).equals("""
                    -A -t 10.0.0.1:80 -s rr
                    -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 0
                    """));
            PromText m = PromText.parse(lvs.metrics());
            String[] rs2 = {"virtual_server", "TCP 10.0.0.1:80", "real_server", "192.168.1.2:80"};
            String[] rs3 = {"virtual_server", "TCP 10.0.0.1:80", "real_server", "192.168.1.3:80"};
            assertThat(m.value("vigil_lvs_real_server_up", rs2)).isZero();
            assertThat(m.value("vigil_lvs_real_server_configured_weight", rs2)).isEqualTo(2);
            assertThat(m.value("vigil_lvs_real_server_in_ipvs", rs2)).isZero();
            assertThat(m.value("vigil_lvs_real_server_in_ipvs", rs3)).as("inhibit_on_failure").isEqualTo(1);
            assertThat(m.value("vigil_lvs_real_server_weight", rs3)).isZero();
            assertThat(m.value("vigil_lvs_check_failures_total",
                    "virtual_server", "TCP 10.0.0.1:80", "real_server", "192.168.1.2:80", "checker", "TCP_CHECK")).isPositive();
            assertThat(m.value("vigil_lvs_check_duration_seconds_count", "checker", "TCP_CHECK")).isPositive();
            assertThat(m.value("vigil_ipvs_destination_weight", "service", "TCP 10.0.0.1:80",
                    "destination", "192.168.1.3:80")).isZero();
            assertThat(m.value("vigil_ipvs_service_connections_total", "service", "TCP 10.0.0.1:80")).isZero();
            assertThat(m.value("vigil_lvs_ipvs_writes_total")).isPositive();
            down.clear();
            await(() -> IpvsadmSave.save(table).contains("-r 192.168.1.2:80 -m -w 2")
                    && IpvsadmSave.save(table).contains("-r 192.168.1.3:80 -m -w 1"));
            assertThat(lvs.reload(r.config(), r.config()).messages()).containsExactly("no change");
            Map<String, Object> status = lvs.status();
            assertThat((List<?>) status.get("real_servers")).hasSize(2);
            assertThat((List<?>) status.get("ipvs_table")).as("observed in the table").hasSize(2);
            assertThat(PromText.parse(lvs.metrics()).value("vigil_lvs_real_server_weight",
                    "virtual_server", "TCP 10.0.0.1:80", "real_server", "192.168.1.2:80")).isEqualTo(2);
            states.stateChanged(new StateChange(false, "VI_1", StateChange.MASTER, 100), "BACKUP", "test");
        } finally {
            lvs.close();
        }
        assertThat(IpvsadmSave.save(table)).as("kept at stop without lvs_flush_onstop").contains("-A -t 10.0.0.1:80 -s rr");
    }

    @Test
    void aFwmarkServiceGivesIpvsPortZeroAndChecksTheConfiguredPort(@TempDir Path dir) throws Exception {
        PluginHost host = PluginHost.of(List.of(fake));
        LoadResult r = host.loader().apply(write(dir, """
                virtual_server fwmark 7 {
                    delay_loop 1
                    lvs_sched sh
                    lvs_method DR
                    sorry_server 192.168.1.9 8081
                    real_server 192.168.1.2 8080 {
                        TCP_CHECK {
                            retry 0
                        }
                    }
                }
                """));
        assertThat(r.errors()).isEmpty();
        VirtualServerPlan plan = LvsPlans.of(r.config()).virtualServers().get(0);
        assertThat(plan.spec().realServers().get(0).destination().port()).isZero();
        assertThat(plan.spec().sorryServer()).map(d -> d.port()).contains(0);
        assertThat(plan.realServers().get(0).checks().get(0).address().getPort()).as("checked port").isEqualTo(8080);
        FakeIpvsTable table = new FakeIpvsTable();
        LvsSubsystem lvs = new LvsSubsystem(host, new VrrpStates(), () -> table);
        try {
            lvs.start(r.config());
            await(() -> IpvsadmSave.save(table).contains("-a -f 7 -r 192.168.1.2:0 -g -w 1\n"));
        } finally {
            lvs.close();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
