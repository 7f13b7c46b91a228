package dev.vigil.lvs.vs;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.lvs.vs.VirtualServerState.Change;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualServerStateTest {
    private static final Service WEB = Service.of(ServiceKey.tcp(IpAddresses.parse("10.0.0.1"), 80), "wrr");
    private static final Destination SORRY = Destination.of(IpAddresses.parse("192.168.1.99"), 80, ForwardMethod.NAT, 1);

    private static RealServerSpec rs(int last, int weight, boolean inhibit) {
        return new RealServerSpec(Destination.of(IpAddresses.parse("192.168.1." + last), 80, ForwardMethod.NAT, weight),
                inhibit);
    }

    private static List<String> table(VirtualServerState s) {
        return s.desired().destinations().stream().map(d -> d.describe() + " w" + d.weight()).toList();
    }

    private static List<Change> down(VirtualServerState s, int i) {
        return s.realServerHealth(i, false, OptionalInt.empty(), "connection refused");
    }

    private static List<Change> up(VirtualServerState s, int i) {
        return s.realServerHealth(i, true, OptionalInt.empty(), "ok");
    }

    @Test
    void realServersStartUpAndLeaveTheTableWhenDown() {
        VirtualServerState s = new VirtualServerState(VirtualServerSpec.of(WEB, List.of(rs(2, 1, false), rs(3, 1, false))));
        assertThat(table(s)).containsExactly("192.168.1.2:80 w1", "192.168.1.3:80 w1");
        assertThat(down(s, 0)).containsExactly(new Change.RealServer("192.168.1.2:80", false, "connection refused"));
        assertThat(table(s)).containsExactly("192.168.1.3:80 w1");
        assertThat(down(s, 0)).as("no change, no event").isEmpty();
    }

    @Test
    void inhibitOnFailureKeepsTheServerWithWeightZero() {
        VirtualServerState s = new VirtualServerState(VirtualServerSpec.of(WEB, List.of(rs(2, 5, true), rs(3, 1, false))));
        down(s, 0);
        assertThat(table(s)).containsExactly("192.168.1.2:80 w0", "192.168.1.3:80 w1");
        up(s, 0);
        assertThat(table(s)).containsExactly("192.168.1.2:80 w5", "192.168.1.3:80 w1");
    }

    @Test
    void alphaStartsEveryServerDownWithTheSorryServerInPlace() {
        VirtualServerState s = new VirtualServerState(new VirtualServerSpec(WEB, List.of(rs(2, 1, false)), true, 1, 0,
                Optional.of(SORRY), false));
        assertThat(s.quorumUp()).isFalse();
        assertThat(table(s)).containsExactly("192.168.1.99:80 w1");
        assertThat(up(s, 0)).containsExactly(new Change.RealServer("192.168.1.2:80", true, "ok"), new Change.Quorum(true, 1));
        assertThat(table(s)).containsExactly("192.168.1.2:80 w1");
    }

    @Test
    void quorumWithHysteresisDampensFlaps() {
        // Weights 2+2+2 = 6; quorum 4, hysteresis 1: lost below 3, gained again at 5.
        VirtualServerState s = new VirtualServerState(new VirtualServerSpec(WEB,
                List.of(rs(2, 2, false), rs(3, 2, false), rs(4, 2, false)), false, 4, 1, Optional.of(SORRY), true));
        assertThat(table(s)).containsExactly("192.168.1.2:80 w2", "192.168.1.3:80 w2", "192.168.1.4:80 w2",
                "192.168.1.99:80 w0");
        assertThat(down(s, 0)).hasSize(1);
        assertThat(s.quorumUp()).as("4 live, not below 3").isTrue();
        assertThat(down(s, 1)).contains(new Change.Quorum(false, 2));
        assertThat(table(s)).as("the live server leaves while the sorry server stands in").containsExactly("192.168.1.99:80 w1");
        assertThat(up(s, 1)).as("4 live: not yet 5").doesNotHaveAnyElementsOfTypes(Change.Quorum.class);
        assertThat(s.quorumUp()).isFalse();
        assertThat(table(s)).containsExactly("192.168.1.99:80 w1");
        assertThat(up(s, 0)).contains(new Change.Quorum(true, 6));
        assertThat(table(s)).containsExactly("192.168.1.2:80 w2", "192.168.1.3:80 w2", "192.168.1.4:80 w2",
                "192.168.1.99:80 w0");
    }

    @Test
    void aLostQuorumWithASorryServerKeepsOnlyInhibitedServersBesideIt() {
        VirtualServerState s = new VirtualServerState(new VirtualServerSpec(WEB,
                List.of(rs(2, 1, true), rs(3, 1, false)), false, 2, 0, Optional.of(SORRY), false));
        down(s, 0);
        assertThat(table(s)).containsExactly("192.168.1.2:80 w0", "192.168.1.99:80 w1");
        up(s, 0);
        assertThat(table(s)).containsExactly("192.168.1.2:80 w1", "192.168.1.3:80 w1");
    }

    @Test
    void dynamicWeightsChangeTheTableAndTheQuorum() {
        VirtualServerState s = new VirtualServerState(new VirtualServerSpec(WEB, List.of(rs(2, 1, false)), false, 1, 0,
                Optional.empty(), false));
        assertThat(s.realServerHealth(0, true, OptionalInt.of(0), "misc_dynamic 0")).containsExactly(new Change.Quorum(false, 0));
        assertThat(table(s)).containsExactly("192.168.1.2:80 w0");
        s.realServerHealth(0, true, OptionalInt.of(7), "misc_dynamic 7");
        assertThat(table(s)).containsExactly("192.168.1.2:80 w7");
        assertThat(s.quorumUp()).isTrue();
    }
}
