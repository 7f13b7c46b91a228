package dev.vigil.vrrp.fsm;

import static dev.vigil.vrrp.fsm.Configs.vrrp;
import static dev.vigil.vrrp.fsm.VrrpSimulationTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.fsm.SimLan.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two hosts, each with VI_1 and VI_2 in one sync group: the members move together. */
class SyncSimulationTest {
    private static final List<String> MEMBERS = List.of("VI_1", "VI_2");
    private static final long LAT = SimLan.LATENCY.toNanos();

    private final SimLan lan = new SimLan();
    private final SimHost a = lan.host("a", "10.0.0.1");
    private final SimHost b = lan.host("b", "10.0.0.2");

    private void setUp() {
        for (String vi : MEMBERS) {
            a.add(vrrp().name(vi).priority(200));
            b.add(vrrp().name(vi).priority(100));
        }
        a.syncGroup("G", MEMBERS);
        b.syncGroup("G", MEMBERS);
        for (String vi : MEMBERS) {
            a.start(vi);
            b.start(vi);
        }
    }

    @Test
    void membersBecomeMasterTogetherAndTheFollowerSaysWhy() {
        setUp();
        lan.advanceTo(at("10"));
        assertThat(lan.events("a", "VI_1")).last().extracting(Event::at, Event::reason)
                .containsExactly(at("3.21875"), "master down timer");
        assertThat(lan.events("a", "VI_2")).last().extracting(Event::at, Event::to, Event::reason)
                .containsExactly(at("3.21875"), VrrpState.MASTER, "sync group");
        assertThat(a.group("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(b.group("VI_1").state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void oneMembersFaultTakesTheGroupToFaultAndThePeerGroupToMaster() {
        setUp();
        lan.advanceTo(at("10.5"));
        a.feed("VI_1", new Input.FaultChanged(true, "eth1 down"));
        assertThat(a.state("VI_2")).isEqualTo(VrrpState.FAULT);
        assertThat(a.group("VI_1").state()).isEqualTo(VrrpState.FAULT);
        lan.advanceTo(at("20.5"));

        for (String vi : MEMBERS) {
            assertThat(lan.lastTransitionTo("a", vi, VrrpState.FAULT)).isEqualTo(at("10.5"));
            assertThat(lan.lastTransitionTo("b", vi, VrrpState.MASTER)).isEqualTo(at("11.110375"));
        }

        a.feed("VI_1", new Input.FaultChanged(false, "eth1 up"));
        assertThat(a.state("VI_2")).isEqualTo(VrrpState.BACKUP);
        lan.advanceTo(at("40"));
        long takeover = at("20.5") + VrrpTimers.masterDownInterval(2, 200, 100).toNanos();
        for (String vi : MEMBERS) {
            assertThat(lan.lastTransitionTo("a", vi, VrrpState.MASTER)).isEqualTo(takeover);
            assertThat(lan.lastTransitionTo("b", vi, VrrpState.BACKUP)).isEqualTo(takeover + LAT);
        }
        assertThat(a.group("VI_1").state()).isEqualTo(VrrpState.MASTER);
        assertThat(b.group("VI_1").state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void aMemberLosingAnElectionTakesTheOthersToBackup() {
        setUp();
        lan.advanceTo(at("10.5"));
        // an address owner appears for VI_1 only: b's VI_2 must follow b's VI_1 and a's members follow theirs
        SimHost owner = lan.host("owner", "10.0.0.3");
        owner.add(vrrp().name("VI_1").priority(255));
        owner.start("VI_1");
        lan.advanceTo(at("10.5") + LAT);
        assertThat(a.state("VI_1")).isEqualTo(VrrpState.BACKUP);
        assertThat(a.state("VI_2")).isEqualTo(VrrpState.BACKUP);
        assertThat(lan.events("a", "VI_2")).last().extracting(Event::at, Event::reason)
                .containsExactly(at("10.5") + LAT, "sync group");
        assertThat(a.group("VI_1").state()).isEqualTo(VrrpState.BACKUP);
    }
}
