package dev.vigil.vrrp.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.rtnl.FakeLinkMonitor;
import dev.vigil.vrrp.time.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceTrackerTest {
    private final VirtualScheduler loop = new VirtualScheduler();
    private final FakeLinkMonitor links = new FakeLinkMonitor();
    private final List<TrackStatus> seen = new ArrayList<>();

    @Test
    void followsAdminStateAndCarrierOnTheLoop() {
        links.putLink(FakeLinkMonitor.upLink(2, "eth0")).putLink(FakeLinkMonitor.upLink(3, "eth1"));
        InterfaceTracker t = new InterfaceTracker("eth0", links, loop);
        t.subscribe(seen::add);
        assertThat(t.status().up()).isTrue();

        links.setUp(2, false);
        assertThat(t.status().up()).as("not before the loop runs").isTrue();
        loop.runDue();
        assertThat(t.status().up()).isFalse();

        links.setUp(2, true);
        loop.runDue();
        links.setCarrier(2, false);
        loop.runDue();
        links.setUp(3, false);
        loop.runDue();
        assertThat(seen).containsExactly(TrackStatus.DOWN, TrackStatus.UP, TrackStatus.DOWN);
        links.setCarrier(2, true);
        loop.runDue();
        assertThat(t.status().up()).isTrue();
    }

    @Test
    void aMissingInterfaceIsDownUntilItAppears() {
        InterfaceTracker t = new InterfaceTracker("eth9", links, loop);
        assertThat(t.status().up()).isFalse();
        links.putLink(FakeLinkMonitor.upLink(9, "eth9"));
        loop.runDue();
        assertThat(t.status().up()).isTrue();
        links.removeLink(9);
        loop.runDue();
        assertThat(t.status().up()).isFalse();
    }

    @Test
    void closeStopsFollowing() {
        links.putLink(FakeLinkMonitor.upLink(2, "eth0"));
        InterfaceTracker t = new InterfaceTracker("eth0", links, loop);
        t.subscribe(seen::add);
        t.close();
        links.setUp(2, false);
        loop.runDue();
        assertThat(t.status().up()).isTrue();
        assertThat(seen).isEmpty();
        assertThat(loop.pendingCount()).isZero();
    }
}
