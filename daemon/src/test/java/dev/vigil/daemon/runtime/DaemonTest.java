package dev.vigil.daemon.runtime;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.daemon.metrics.PromText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daemon's lifecycle with fake subsystems: start and stop order, reloads valid and invalid, serialized. */
class DaemonTest {
    private static final String VALID = "vrrp_instance:\n  VI_1:\n    interface: eth0\n    virtual_router_id: 5\n"
            + "    priority: 100\n    virtual_ipaddress:\n      - 192.0.2.1/24\n";

    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("vigil.yaml"), text);
    }

    private Daemon daemon(Path file, ConfigCheck check, Subsystem... subsystems) {
        return new Daemon(file, ConfigLoader.builtin()::load, check, List.of(subsystems));
    }

    @Test
    void startsInOrderAndStopsInReverse() throws IOException {
        Daemon d = daemon(file(VALID), ConfigCheck.NONE, new FakeSubsystem("vrrp", log), new FakeSubsystem("lvs", log));
        d.start();
        assertThat(d.running()).isTrue();
        d.stop();
        d.stop();
        assertThat(log).containsExactly("start vrrp", "start lvs", "close lvs", "close vrrp");
        assertThat(d.running()).isFalse();
    }

    @Test
    void aFailedStartClosesWhatStartedAndNamesTheSubsystem() throws IOException {
        Daemon d = daemon(file(VALID), ConfigCheck.NONE, new FakeSubsystem("a", log), new FakeSubsystem("b", log),
                new FakeSubsystem("lvs", log).failingStart(new IllegalStateException("IPVS is not available")),
                new FakeSubsystem("d", log));
        assertThatThrownBy(d::start).isInstanceOf(StartupException.class)
                .hasMessage("lvs: IPVS is not available");
        assertThat(log).containsExactly("start a", "start b", "start lvs", "close b", "close a");
        assertThat(d.running()).isFalse();
    }

    @Test
    void anInvalidFileDoesNotStartAndListsEveryError() throws IOException {
        Path f = file("vrrp_instance:\n  VI_1:\n    interface: eth0\n    virtual_router_id: 0\n    priorty: 5\n");
        Daemon d = daemon(f, ConfigCheck.NONE, new FakeSubsystem("vrrp", log));
        assertThatThrownBy(d::start).isInstanceOfSatisfying(StartupException.class, e -> assertThat(e.problems())
                .anyMatch(p -> p.startsWith(f + ":4:24: "))
                .anyMatch(p -> p.startsWith(f + ":5:5: unknown key 'priorty'")));
        assertThat(log).isEmpty();
    }

    @Test
    void aValidReloadGivesEachSubsystemThePreviousAndNextModel() throws IOException {
        Path f = file(VALID);
        FakeSubsystem vrrp = new FakeSubsystem("vrrp", log);
        FakeSubsystem lvs = new FakeSubsystem("lvs", log).onReload((p, n) -> ReloadOutcome.applied(List.of("no change")));
        Daemon d = daemon(f, ConfigCheck.NONE, vrrp, lvs);
        d.start();
        Files.writeString(f, VALID.replace("priority: 100", "priority: 150"));

        ReloadOutcome outcome = d.reload();

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.messages()).containsExactly("vrrp: applied", "lvs: no change");
        assertThat(log).containsExactly("start vrrp", "start lvs", "reload vrrp", "reload lvs");
        VigilConfig[] call = vrrp.reloads().get(0);
        assertThat(call[0].vrrpInstance().get(0).priority()).isEqualTo(100);
        assertThat(call[1].vrrpInstance().get(0).priority()).isEqualTo(150);
        assertThat(d.config().orElseThrow().vrrpInstance().get(0).priority()).isEqualTo(150);
        assertThat(d.metrics()).contains("vigil_reloads_total{result=\"applied\"} 1\n");
    }

    @Test
    void anInvalidReloadChangesNothingAndGivesTheDiagnostics() throws IOException {
        Path f = file(VALID);
        FakeSubsystem vrrp = new FakeSubsystem("vrrp", log);
        Daemon d = daemon(f, ConfigCheck.NONE, vrrp);
        d.start();
        VigilConfig before = d.config().orElseThrow();
        Files.writeString(f, VALID.replace("virtual_router_id: 5", "virtual_router_id: 0"));

        ReloadOutcome outcome = d.reload();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.messages()).singleElement().asString()
                .startsWith(f + ":4:24: vrrp_instance VI_1.virtual_router_id 0 is out of range 1..255");
        assertThat(vrrp.reloads()).isEmpty();
        assertThat(d.config().orElseThrow()).isSameAs(before);
        assertThat(d.metrics()).contains("vigil_reloads_total{result=\"refused\"} 1\n")
                .contains("vigil_reloads_total{result=\"applied\"} 0\n");
        PromText m = PromText.parse(d.metrics());
        assertThat(m.value("vigil_last_reload_success")).isZero();
        assertThat(m.value("vigil_last_reload_timestamp_seconds")).isGreaterThan(1.7e9);
    }

    @Test
    void aHostProblemRefusesTheReload() throws IOException {
        Path f = file(VALID);
        FakeSubsystem vrrp = new FakeSubsystem("vrrp", log);
        Daemon d = daemon(f, new InterfaceCheck(n -> n.equals("eth0")), vrrp);
        d.start();
        Files.writeString(f, VALID.replace("eth0", "eth9"));

        ReloadOutcome outcome = d.reload();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.messages()).containsExactly("vrrp_instance VI_1 (" + f + ":3): interface eth9 does not exist");
        assertThat(vrrp.reloads()).isEmpty();
    }

    @Test
    void aSubsystemThatFailsMakesTheOutcomeNotOkButOthersStillReload() throws IOException {
        Path f = file(VALID);
        FakeSubsystem vrrp = new FakeSubsystem("vrrp", log).onReload((p, n) -> {
            throw new IllegalStateException("socket closed");
        });
        FakeSubsystem lvs = new FakeSubsystem("lvs", log);
        Daemon d = daemon(f, ConfigCheck.NONE, vrrp, lvs);
        d.start();

        ReloadOutcome outcome = d.reload();

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.messages()).containsExactly(
                "vrrp: reload failed: java.lang.IllegalStateException: socket closed", "lvs: applied");
        assertThat(lvs.reloads()).hasSize(1);
    }

    @Test
    void reloadsRunOneAfterAnother() throws Exception {
        Path f = file(VALID);
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch overlap = new CountDownLatch(2);
        FakeSubsystem slow = new FakeSubsystem("vrrp", log).onReload((p, n) -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            overlap.countDown();
            try {
                overlap.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
            return ReloadOutcome.applied(List.of());
        });
        Daemon d = daemon(f, ConfigCheck.NONE, slow);
        d.start();
        Thread t1 = new Thread(d::reload);
        Thread t2 = new Thread(d::reload);
        t1.start();
        t2.start();
        t1.join(10_000);
        t2.join(10_000);
        assertThat(slow.reloads()).hasSize(2);
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aReloadAfterStopIsRefused() throws IOException {
        Daemon d = daemon(file(VALID), ConfigCheck.NONE, new FakeSubsystem("vrrp", log));
        d.start();
        d.stop();
        assertThat(d.reload()).isEqualTo(ReloadOutcome.refused(List.of("the daemon is stopped")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusAndMetricsIncludeEachSubsystem() throws IOException {
        Daemon d = daemon(file(VALID), ConfigCheck.NONE, new FakeSubsystem("vrrp", log));
        d.start();
        Map<String, Object> status = d.status();
        assertThat(status).containsKeys("daemon", "subsystems");
        assertThat((Map<String, Object>) status.get("daemon")).containsEntry("state", "running")
                .containsEntry("pid", ProcessHandle.current().pid());
        assertThat((Map<String, Object>) status.get("subsystems")).containsOnlyKeys("vrrp");
        assertThat(d.metrics()).startsWith("# HELP vigil_up").contains("vigil_up 1\n")
                .endsWith("vigil_fake_vrrp_up{subsystem=\"vrrp\"} 1\n");
        PromText m = PromText.parse(d.metrics());
        assertThat(m.value("vigil_build_info", "version", BuildInfo.version(), "java", System.getProperty("java.version")))
                .isEqualTo(1);
        assertThat(m.value("vigil_start_time_seconds")).isGreaterThan(1.7e9);
        assertThat(m.value("vigil_process_start_time_seconds")).isGreaterThan(1.7e9);
        assertThat(m.value("vigil_last_reload_success")).isEqualTo(1);
        assertThat(m.value("vigil_last_reload_timestamp_seconds")).isZero();
        d.stop();
        assertThat(PromText.parse(d.metrics()).value("vigil_up")).isZero();
    }

    @Test
    void aSubsystemRepeatingAFamilyIsLeftOutAndTheTextStaysValid() throws IOException {
        Subsystem copycat = new Subsystem() {
            @Override
            public String name() {
                return "copycat";
            }

            @Override
            public void start(dev.vigil.conf.model.VigilConfig config) {
            }

            @Override
            public ReloadOutcome reload(dev.vigil.conf.model.VigilConfig previous, dev.vigil.conf.model.VigilConfig next) {
                return ReloadOutcome.applied(List.of());
            }

            @Override
            public Map<String, Object> status() {
                return Map.of();
            }

            @Override
            public String metrics() {
                return "# HELP vigil_up Again.\n# TYPE vigil_up gauge\nvigil_up 7\n";
            }

            @Override
            public void close() {
            }
        };
        Daemon d = daemon(file(VALID), ConfigCheck.NONE, copycat, new FakeSubsystem("vrrp", log));
        d.start();
        PromText m = PromText.parse(d.metrics());
        assertThat(m.value("vigil_up")).isEqualTo(1);
        assertThat(m.value("vigil_fake_vrrp_up", "subsystem", "vrrp")).isEqualTo(1);
        d.stop();
    }

    @Test
    void subsystemNamesAreUnique() {
        assertThatThrownBy(() -> daemon(dir.resolve("x"), ConfigCheck.NONE, new FakeSubsystem("vrrp", log),
                new FakeSubsystem("vrrp", log))).isInstanceOf(IllegalArgumentException.class);
    }
}
