package dev.vigil.vrrp.track;

import static dev.vigil.vrrp.track.PriorityCalculator.Kind.INTERFACE;
import static dev.vigil.vrrp.track.PriorityCalculator.Kind.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.rtnl.FakeLinkMonitor;
import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.time.VirtualScheduler;
import dev.vigil.vrrp.track.PriorityCalculator.Effective;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTrackingTest {
    private final VirtualScheduler loop = new VirtualScheduler();
    private final FakeScriptRunner runner = new FakeScriptRunner();

    private ScriptTracker script(String name) {
        return new ScriptTracker(name, List.of("/bin/" + name), Duration.ofSeconds(1), null, 1, 1, false, null,
                runner, loop);
    }

    @Test
    void oneScriptTrackedByTwoInstancesRunsOnceAndUpdatesBoth() {
        ScriptTracker chk = script("chk");
        List<Effective> a = new ArrayList<>();
        List<Effective> b = new ArrayList<>();
        InstanceTracking vi1 = new InstanceTracking(100, List.of(new Binding(new Tracked("chk", -30, false), chk, SCRIPT)),
                loop, a::add);
        InstanceTracking vi2 = new InstanceTracking(90, List.of(new Binding(new Tracked("chk", 0, false), chk, SCRIPT)),
                loop, b::add);
        chk.start();
        assertThat(vi1.current()).isEqualTo(new Effective(100, false, List.of()));
        assertThat(runner.calls).hasSize(1);
        assertThat(runner.calls.get(0).timeout()).isEqualTo(Duration.ofSeconds(1));

        runner.finish(ScriptResult.exited(2));
        loop.runDue();
        assertThat(a).containsExactly(new Effective(70, false, List.of()));
        assertThat(b).containsExactly(new Effective(90, true, List.of("script chk down")));

        loop.advance(Duration.ofSeconds(1));
        assertThat(runner.calls).hasSize(2);
        runner.finish(ScriptResult.exited(2));
        loop.runDue();
        assertThat(a).hasSize(1);

        vi2.close();
        loop.advance(Duration.ofSeconds(1));
        runner.finish(ScriptResult.exited(0));
        loop.runDue();
        assertThat(a).endsWith(new Effective(100, false, List.of()));
        assertThat(b).hasSize(1);
        assertThat(vi1.current().priority()).isEqualTo(100);
        assertThat(runner.calls).hasSize(3);
        vi1.close();
    }

    @Test
    void combinesInterfacesAndScriptsOfOneInstance() {
        FakeLinkMonitor links = new FakeLinkMonitor();
        links.putLink(FakeLinkMonitor.upLink(2, "eth0")).putLink(FakeLinkMonitor.upLink(3, "eth1"));
        InterfaceTracker eth0 = new InterfaceTracker("eth0", links, loop);
        InterfaceTracker eth1 = new InterfaceTracker("eth1", links, loop);
        ScriptTracker chk = script("chk");
        List<Effective> seen = new ArrayList<>();
        InstanceTracking vi = new InstanceTracking(100, List.of(
                new Binding(new Tracked("eth0", 0, false), eth0, INTERFACE),
                new Binding(new Tracked("eth1", -10, false), eth1, INTERFACE),
                new Binding(new Tracked("chk", 20, false), chk, SCRIPT)), loop, seen::add);
        assertThat(vi.current()).isEqualTo(new Effective(120, false, List.of()));

        links.setUp(3, false);
        loop.runDue();
        links.setCarrier(2, false);
        loop.runDue();
        assertThat(seen).containsExactly(new Effective(110, false, List.of()),
                new Effective(110, true, List.of("interface eth0 down")));
        links.setCarrier(2, true);
        links.setUp(3, true);
        loop.runDue();
        assertThat(vi.current()).isEqualTo(new Effective(120, false, List.of()));
    }
}
