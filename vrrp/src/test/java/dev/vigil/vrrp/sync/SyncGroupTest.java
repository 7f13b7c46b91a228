package dev.vigil.vrrp.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.vrrp.fsm.Action.Transition;
import dev.vigil.vrrp.fsm.Input.SyncRequest;
import dev.vigil.vrrp.fsm.VrrpState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncGroupTest {
    private static final VrrpState INIT = VrrpState.INIT;
    private static final VrrpState BACKUP = VrrpState.BACKUP;
    private static final VrrpState MASTER = VrrpState.MASTER;
    private static final VrrpState FAULT = VrrpState.FAULT;

    private final SyncGroup g = new SyncGroup("G", List.of("A", "B", "C"));

    private SyncOutcome on(String member, VrrpState from, VrrpState to, String reason) {
        return g.onTransition(member, new Transition(from, to, reason));
    }

    private void allBackup() {
        for (String m : List.of("A", "B", "C")) {
            on(m, INIT, BACKUP, "master down timer");
        }
    }

    private static Map<String, VrrpState> targets(SyncOutcome o) {
        return o.requests().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().target()));
    }

    @Test
    void masterFansOutOnceAndSyncCausedTransitionsDoNot() {
        allBackup();
        SyncOutcome o = on("A", BACKUP, MASTER, "master down timer");
        assertThat(targets(o)).isEqualTo(Map.of("B", MASTER, "C", MASTER));
        assertThat(o.groupStateChanged()).isTrue();
        assertThat(g.state()).isEqualTo(MASTER);
        SyncOutcome follow = on("B", BACKUP, MASTER, "sync group");
        assertThat(follow.requests()).isEmpty();
        assertThat(follow.groupStateChanged()).isFalse();
    }

    @Test
    void backupTakesMastersBackAndMembersNotStartedAreLeftAlone() {
        on("A", INIT, BACKUP, "master down timer");
        on("B", INIT, BACKUP, "master down timer");
        on("A", BACKUP, MASTER, "master down timer");
        on("B", BACKUP, MASTER, "sync group");
        SyncOutcome o = on("B", MASTER, BACKUP, "higher priority advert");
        assertThat(targets(o)).isEqualTo(Map.of("A", BACKUP));
        assertThat(g.state()).isEqualTo(BACKUP);
    }

    @Test
    void faultHoldsUntilEveryOwnFaultRecovers() {
        allBackup();
        assertThat(targets(on("A", BACKUP, FAULT, "fault: eth0"))).isEqualTo(Map.of("B", FAULT, "C", FAULT));
        on("B", BACKUP, FAULT, "sync group");
        on("C", BACKUP, FAULT, "sync group");
        assertThat(g.state()).isEqualTo(FAULT);

        // C faults on its own as well, after recovering from the group's fault: a second own fault
        on("C", FAULT, BACKUP, "fault recovered: x");
        on("C", BACKUP, FAULT, "fault: eth1");
        SyncOutcome aBack = on("A", FAULT, BACKUP, "fault recovered: eth0");
        assertThat(aBack.requests()).containsOnlyKeys("A");
        assertThat(aBack.requests().get("A").target()).isEqualTo(FAULT);
        assertThat(g.state()).isEqualTo(FAULT);
        on("A", BACKUP, FAULT, "sync group");

        SyncOutcome cBack = on("C", FAULT, BACKUP, "fault recovered: eth1");
        assertThat(targets(cBack)).isEqualTo(Map.of("A", BACKUP, "B", BACKUP));
        assertThat(cBack.groupStateChanged()).isTrue();
        assertThat(g.state()).isEqualTo(BACKUP);
    }

    @Test
    void stoppingTheFaultedMemberReleasesTheOthers() {
        allBackup();
        on("A", BACKUP, FAULT, "fault: eth0");
        on("B", BACKUP, FAULT, "sync group");
        on("C", BACKUP, FAULT, "sync group");
        SyncOutcome o = on("A", FAULT, INIT, "shutdown");
        assertThat(targets(o)).isEqualTo(Map.of("B", BACKUP, "C", BACKUP));
        on("B", FAULT, INIT, "shutdown");
        on("C", FAULT, INIT, "shutdown");
        assertThat(g.state()).isEqualTo(INIT);
    }

    @Test
    void requestsCarryTheirCauseAndTheGroupValidatesMembers() {
        allBackup();
        SyncRequest r = on("A", BACKUP, MASTER, "master down timer").requests().get("B");
        assertThat(r.reason()).isEqualTo("sync group: A MASTER");
        assertThatThrownBy(() -> on("Z", BACKUP, MASTER, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncGroup("G", List.of("A", "A"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncGroup("G", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeededGroupKnowsItsRunningMembersAndStillMovesThemTogether() {
        SyncGroup rebuilt = new SyncGroup("G", List.of("A", "B"));
        rebuilt.seed("A", MASTER);
        rebuilt.seed("B", MASTER);
        assertThat(rebuilt.state()).isEqualTo(MASTER);
        assertThat(rebuilt.memberNames()).containsExactly("A", "B");
        SyncOutcome o = rebuilt.onTransition("A", new Transition(MASTER, BACKUP, "higher priority advert"));
        assertThat(targets(o)).isEqualTo(Map.of("B", BACKUP));
        SyncGroup faulted = new SyncGroup("F", List.of("A", "B"));
        faulted.seed("A", BACKUP);
        faulted.seed("B", FAULT);
        assertThat(faulted.state()).isEqualTo(FAULT);
    }

    @Test
    void aMemberStartingWhileTheOthersAreMasterJoinsThemInsteadOfTakingThemDown() {
        on("A", INIT, BACKUP, "master down timer");
        on("B", INIT, BACKUP, "master down timer");
        on("A", BACKUP, MASTER, "master down timer");
        on("B", BACKUP, MASTER, "sync group");
        SyncOutcome o = on("C", INIT, BACKUP, "start");
        assertThat(targets(o)).isEqualTo(Map.of("C", MASTER));
        assertThat(g.state()).isEqualTo(MASTER);
    }
}
