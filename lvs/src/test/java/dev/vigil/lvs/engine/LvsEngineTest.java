package dev.vigil.lvs.engine;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.ipvs.SyncState;
import dev.vigil.kernel.ipvs.Timeouts;
import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.lvs.check.CheckTiming;
import dev.vigil.lvs.check.FakeChecker;
import dev.vigil.lvs.check.VirtualTimers;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;
import dev.vigil.lvs.vs.RealServerSpec;
import dev.vigil.lvs.vs.VirtualServerSpec;
import dev.vigil.plugin.Section;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Health transitions of fake checkers drive the exact IPVS table, scripts and events. */
class LvsEngineTest {
    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(5), Duration.ofSeconds(2), 0,
            Duration.ofSeconds(1), Duration.ZERO);
    private static final ServiceKey WEB = ServiceKey.tcp(IpAddresses.parse("10.0.0.1"), 80);

    private final VirtualTimers timers = new VirtualTimers();
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final Map<String, FakeChecker> checkers = new HashMap<>();
    private final List<String> scripts = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final LvsEngine engine = new LvsEngine(table, timers, Clock.systemUTC(),
            plan -> checkers.computeIfAbsent(plan.realServer(), k -> new FakeChecker(timers::seconds)),
            scripts::add, new LvsEvents() {
                @Override
                public void realServer(String vs, String rs, boolean up, String reason) {
                    events.add(vs + " " + rs + (up ? " up" : " down"));
                }

                @Override
                public void quorum(String vs, boolean up, int live) {
                    events.add(vs + " quorum " + (up ? "up " : "down ") + live);
                }
            }, bound -> 0);

    private static Destination rs(String addr, int weight) {
        return Destination.of(IpAddresses.parse(addr), 80, ForwardMethod.NAT, weight);
    }

    private static RealServerPlan checked(String addr) {
        CheckPlan p = new CheckPlan(Section.of("TCP_CHECK", Map.of()), TIMING, new InetSocketAddress(addr, 80),
                Optional.empty(), 0, addr + ":80");
        return new RealServerPlan(List.of(p), "/bin/up " + addr, "/bin/down " + addr);
    }

    private static VirtualServerPlan web(boolean inhibitSecond, int quorum, boolean sorry) {
        VirtualServerSpec spec = new VirtualServerSpec(Service.of(WEB, "wrr"),
                List.of(new RealServerSpec(rs("192.168.1.2", 3), false),
                        new RealServerSpec(rs("192.168.1.3", 2), inhibitSecond)),
                false, quorum, 0, sorry ? Optional.of(rs("192.168.1.9", 1)) : Optional.empty(), false);
        return new VirtualServerPlan("10.0.0.1:80", spec, List.of(spec.service()),
                List.of(checked("192.168.1.2"), checked("192.168.1.3")), false, true, "/bin/qup", "/bin/qdown");
    }

    private static LvsSpec spec(VirtualServerPlan... plans) {
        return new LvsSpec(List.of(plans), Optional.empty(), false, false);
    }

    private String saved() {
        return IpvsadmSave.save(table);
    }

    @Test
    void failuresRemoveOrInhibitRealServersAndRecoveryRestoresThem() {
        engine.apply(spec(web(true, 1, false)));
        timers.advance(Duration.ofSeconds(1));
        assertThat(saved()).isEqualTo("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 192.168.1.2:80 -m -w 3
                -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 2
                """);
        checkers.get("192.168.1.2:80").mode(FakeChecker.Mode.DOWN);
        checkers.get("192.168.1.3:80").mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(5));
        assertThat(saved()).isEqualTo("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 0
                """);
        assertThat(scripts).containsExactly("/bin/down 192.168.1.2", "/bin/down 192.168.1.3", "/bin/qdown");
        assertThat(events).containsExactly("10.0.0.1:80 192.168.1.2:80 down", "10.0.0.1:80 192.168.1.3:80 down",
                "10.0.0.1:80 quorum down 0");
        checkers.get("192.168.1.2:80").mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(5));
        assertThat(saved()).isEqualTo("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 192.168.1.2:80 -m -w 3
                -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 0
                """);
        assertThat(scripts).endsWith("/bin/up 192.168.1.2", "/bin/qup");
    }

    @Test
    void theSorryServerStandsInWhileTheQuorumIsLost() {
        engine.apply(spec(web(false, 5, true)));
        timers.advance(Duration.ofSeconds(1));
        assertThat(saved()).doesNotContain("192.168.1.9");
        checkers.get("192.168.1.3:80").mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(5));
        // As keepalived 2.2.7 does (LvsParityIT): while the sorry server stands in, it is alone.
        assertThat(saved()).isEqualTo("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 192.168.1.9:80 -m -w 1
                """);
        checkers.get("192.168.1.3:80").mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(5));
        assertThat(saved()).doesNotContain("192.168.1.9").contains("192.168.1.3:80 -m -w 2");
    }

    @Test
    void startAdoptsTheKernelsTableAndAnUnchangedReloadWritesNothing() {
        Service other = Service.of(ServiceKey.udp(IpAddresses.parse("10.0.0.7"), 53), "rr");
        table.addService(other);
        table.addService(Service.of(WEB, "rr"));
        table.addDestination(WEB, rs("192.168.1.2", 3));
        engine.apply(spec(web(false, 1, false)));
        timers.advance(Duration.ofSeconds(1));
        assertThat(saved()).contains("-A -u 10.0.0.7:53 -s rr", "-A -t 10.0.0.1:80 -s wrr",
                "-r 192.168.1.2:80 -m -w 3", "-r 192.168.1.3:80 -m -w 2");
        long writes = engine.counters().get("writes");
        assertThat(writes).as("edit the scheduler, add one real server").isEqualTo(2);
        assertThat(engine.apply(spec(web(false, 1, false)))).isEmpty();
        timers.advance(Duration.ofSeconds(20));
        assertThat(engine.counters().get("writes")).isEqualTo(writes);
        assertThat(engine.apply(spec())).containsExactly("removed 10.0.0.1:80");
        assertThat(saved()).isEqualTo("-A -u 10.0.0.7:53 -s rr\n");
    }

    @Test
    void lvsFlushEmptiesTheTableAtStartAndFlushOnStopRemovesOnlyManagedServices() {
        table.addService(Service.of(ServiceKey.udp(IpAddresses.parse("10.0.0.7"), 53), "rr"));
        engine.apply(new LvsSpec(List.of(web(false, 1, false)), Optional.of(new Timeouts(100, 10, 50)), true, true));
        assertThat(saved()).doesNotContain("10.0.0.7");
        assertThat(table.getTimeouts()).isEqualTo(new Timeouts(100, 10, 50));
        table.addService(Service.of(ServiceKey.udp(IpAddresses.parse("10.0.0.8"), 53), "rr"));
        engine.close();
        assertThat(saved()).isEqualTo("-A -u 10.0.0.8:53 -s rr\n");
        assertThat(scripts).as("omega").containsExactly("/bin/down 192.168.1.2", "/bin/down 192.168.1.3",
                "/bin/qdown");
    }

    @Test
    void haSuspendStopsChecksWhileTheAddressIsElsewhere() {
        VirtualServerPlan p = web(false, 1, false);
        VirtualServerPlan suspended = new VirtualServerPlan(p.name(), p.spec(), p.services(), p.realServers(), true,
                false, null, null);
        engine.apply(spec(suspended));
        timers.advance(Duration.ofSeconds(30));
        assertThat(checkers.get("192.168.1.2:80").attempts()).isEmpty();
        engine.presentAddresses(Set.of(IpAddresses.parse("10.0.0.1")));
        timers.advance(Duration.ofSeconds(1));
        assertThat(checkers.get("192.168.1.2:80").attempts()).containsExactly(30.0);
        assertThat(engine.virtualServerRows().get(0)).containsEntry("suspended", false);
    }

    @Test
    void theSyncDaemonFollowsWhatIsWanted() {
        SyncDaemon master = SyncDaemon.of(SyncState.MASTER, "eth0", 7);
        SyncDaemon backup = SyncDaemon.of(SyncState.BACKUP, "eth0", 7);
        engine.syncDaemon(Optional.of(backup));
        assertThat(table.listDaemons()).extracting(SyncDaemon::state).containsExactly(SyncState.BACKUP);
        engine.syncDaemon(Optional.of(master));
        assertThat(table.listDaemons()).extracting(SyncDaemon::state).containsExactly(SyncState.MASTER);
        engine.close();
        assertThat(table.listDaemons()).isEmpty();
    }
}
