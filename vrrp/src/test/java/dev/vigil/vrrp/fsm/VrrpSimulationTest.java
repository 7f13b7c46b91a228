package dev.vigil.vrrp.fsm;

import static dev.vigil.vrrp.fsm.Configs.vrrp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.vrrp.fsm.SimLan.Event;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Several machines on a {@link SimLan}: elections and takeovers at exact virtual times. */
class VrrpSimulationTest {
    private static final String VI = "VI_1";
    private static final long LAT = SimLan.LATENCY.toNanos();

    private final SimLan lan = new SimLan();

    /** Virtual time from decimal seconds, exactly. */
    static long at(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).longValueExact();
    }

    private static long mdi(int version, int priority, int centis) {
        return VrrpTimers.masterDownInterval(version, priority, centis).toNanos();
    }

    private SimHost node(String name, String address, Configs c) {
        SimHost h = lan.host(name, address);
        h.add(c);
        return h;
    }

    /** Runs until {@code end}, failing if {@code instance} ever has more or fewer than one master after {@code from}. */
    private void assertOneMasterFrom(long from, long end) {
        lan.advanceTo(from);
        assertThat(lan.masters(VI)).hasSize(1);
        int before = lan.events.size();
        lan.advanceTo(end);
        assertThat(lan.events.subList(before, lan.events.size())).isEmpty();
    }

    @Test
    void highestPriorityWinsTheElectionAfterItsOwnMasterDownInterval() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(100));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(150));
        SimHost c = node("c", "10.0.0.3", vrrp().priority(50));
        a.start(VI);
        b.start(VI);
        c.start(VI);
        lan.advanceTo(at("30"));

        assertThat(lan.masters(VI)).containsExactly("b");
        assertThat(lan.events("b", VI)).extracting(Event::at, Event::to, Event::reason).containsExactly(
                tuple(0L, VrrpState.BACKUP, "start"),
                tuple(at("3.4140625"), VrrpState.MASTER, "master down timer"));
        assertThat(lan.events("a", VI)).extracting(Event::to).containsExactly(VrrpState.BACKUP);
        assertThat(lan.events("c", VI)).extracting(Event::to).containsExactly(VrrpState.BACKUP);
        assertThat(a.machine(VI).masterAddress()).contains(b.address);
    }

    @Test
    void equalPrioritiesAreResolvedByTheHigherAddressComparedAsUnsignedBytes() {
        SimHost low = node("low", "10.0.0.100", vrrp().priority(100));
        SimHost high = node("high", "10.0.0.200", vrrp().priority(100));
        low.start(VI);
        high.start(VI);
        lan.advanceTo(at("30"));

        long bothMaster = at("3.609375");
        assertThat(lan.events("low", VI)).extracting(Event::at, Event::to).containsExactly(
                tuple(0L, VrrpState.BACKUP),
                tuple(bothMaster, VrrpState.MASTER),
                tuple(bothMaster + LAT, VrrpState.BACKUP));
        assertThat(lan.events("low", VI).get(2).reason()).isEqualTo("higher priority advert");
        assertThat(lan.masters(VI)).containsExactly("high");
        assertThat(lan.lastTransitionTo("high", VI, VrrpState.MASTER)).isEqualTo(bothMaster);
    }

    @Test
    void addressOwnerBecomesMasterAtOnceAndTheOldMasterYields() {
        SimHost b = node("b", "10.0.0.2", vrrp().priority(200));
        b.start(VI);
        lan.advanceTo(at("10"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER)).isEqualTo(at("3.21875"));

        SimHost owner = node("owner", "10.0.0.1", vrrp().priority(255));
        owner.start(VI);
        assertThat(lan.events("owner", VI)).extracting(Event::at, Event::from, Event::to, Event::reason)
                .containsExactly(tuple(at("10"), VrrpState.INIT, VrrpState.MASTER,
                        "address owner"));
        lan.advanceTo(at("40"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.BACKUP)).isEqualTo(at("10") + LAT);
        assertThat(lan.masters(VI)).containsExactly("owner");
    }

    @Test
    void aHigherPriorityBackupPreemptsALowerMasterAfterItsMasterDownInterval() {
        node("b", "10.0.0.2", vrrp().priority(100)).start(VI);
        lan.advanceTo(at("10"));
        node("a", "10.0.0.1", vrrp().priority(200)).start(VI);
        lan.advanceTo(at("40"));

        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(at("13.21875"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.BACKUP)).isEqualTo(at("13.21875") + LAT);
        assertThat(lan.masters(VI)).containsExactly("a");
    }

    @Test
    void nopreemptLeavesTheLowerMasterInPlace() {
        node("b", "10.0.0.2", vrrp().priority(100)).start(VI);
        lan.advanceTo(at("10"));
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200).nopreempt());
        a.start(VI);
        lan.advanceTo(at("70"));

        assertThat(lan.masters(VI)).containsExactly("b");
        assertThat(lan.events("a", VI)).extracting(Event::to).containsExactly(VrrpState.BACKUP);
        assertThat(a.machine(VI).masterAddress()).contains(Configs.ip("10.0.0.2"));
    }

    @Test
    void nopreemptDoesNotApplyToAnInitialStateOfMaster() {
        node("b", "10.0.0.2", vrrp().priority(100)).start(VI);
        lan.advanceTo(at("10"));
        node("a", "10.0.0.1", vrrp().priority(200).nopreempt().startAsMaster()).start(VI);
        lan.advanceTo(at("40"));

        assertThat(lan.events("a", VI)).extracting(Event::to).containsExactly(VrrpState.BACKUP, VrrpState.MASTER);
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(at("13.21875"));
    }

    @Test
    void preemptDelayIsAddedToTheStartUpWait() {
        node("b", "10.0.0.2", vrrp().priority(100)).start(VI);
        lan.advanceTo(at("10"));
        node("a", "10.0.0.1", vrrp().priority(200).preemptDelay(Duration.ofSeconds(2))).start(VI);
        lan.advanceTo(at("40"));

        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(at("15.21875"));
        assertThat(lan.masters(VI)).containsExactly("a");
    }

    @Test
    void preemptDelayAlsoDelaysTakingOverFromAMasterWhosePriorityDrops() {
        SimHost c = node("c", "10.0.0.3", vrrp().priority(250));
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200).preemptDelay(Duration.ofSeconds(2)));
        c.start(VI);
        a.start(VI);
        lan.advanceTo(at("20"));
        assertThat(lan.masters(VI)).containsExactly("c");

        c.feed(VI, new Input.PriorityChanged(100));
        lan.advanceTo(at("60"));
        long firstLower = lan.deliveries.stream().filter(d -> d.to().equals("a") && d.priority() == 100)
                .mapToLong(SimLan.Delivery::at).min().orElseThrow();
        assertThat(firstLower).isEqualTo(at("20.0244375"));
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER))
                .isEqualTo(firstLower + mdi(2, 200, 100) + at("2"));
        assertThat(lan.masters(VI)).containsExactly("a");
    }

    @Test
    void priorityZeroHandsOverAfterSkewTimeNotMasterDownInterval() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(100));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10"));
        a.feed(VI, new Input.Shutdown());
        lan.advanceTo(at("20"));

        assertThat(lan.events("a", VI)).last().extracting(Event::at, Event::to, Event::reason)
                .containsExactly(at("10"), VrrpState.INIT, "shutdown");
        long takeover = lan.lastTransitionTo("b", VI, VrrpState.MASTER);
        assertThat(takeover).isEqualTo(at("10.610375"));
        assertThat(takeover - at("10") - LAT).isEqualTo(VrrpTimers.skewTime(2, 100, 100).toNanos())
                .isLessThan(mdi(2, 100, 100));
        assertThat(lan.events("b", VI)).last().extracting(Event::reason).isEqualTo("priority 0 advert");
    }

    @Test
    void silencedMasterIsReplacedExactlyMasterDownIntervalAfterItsLastAdvert() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(100));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10.5"));
        a.kill();
        lan.advanceTo(at("30"));

        long lastAdvert = lan.lastDeliveryTo("b", VI);
        assertThat(lastAdvert).isEqualTo(at("10.21975"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER))
                .isEqualTo(lastAdvert + mdi(2, 100, 100))
                .isEqualTo(at("13.829125"));
        assertThat(lan.events("b", VI)).last().extracting(Event::reason).isEqualTo("master down timer");
    }

    @Test
    void v3BackupLearnsTheMastersIntervalAndUsesItForMasterDown() {
        SimHost a = node("a", "10.0.0.1", vrrp().version(3).priority(200).interval(50));
        SimHost b = node("b", "10.0.0.2", vrrp().version(3).priority(100).interval(100));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10"));
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(at("1.609375"));
        assertThat(b.machine(VI).masterAdvertIntervalCentis()).isEqualTo(50);
        a.kill();
        lan.advanceTo(at("30"));

        long lastAdvert = lan.lastDeliveryTo("b", VI);
        assertThat(lastAdvert).isEqualTo(at("9.610375"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER)).isEqualTo(lastAdvert + at("1.8046875"));
        assertThat(b.machine(VI).masterAdvertIntervalCentis()).isEqualTo(100);
    }

    @Test
    void partitionMakesTwoMastersAndHealingLeavesOneWithinAnAdvertIntervalPlusSkew() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(100));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10"));
        lan.partition("a", "b");
        lan.advanceTo(at("20.5"));
        assertThat(lan.masters(VI)).containsExactlyInAnyOrder("a", "b");
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER)).isEqualTo(at("9.21975") + mdi(2, 100, 100));

        lan.heal();
        long bound = at("20.5") + at("1") + VrrpTimers.skewTime(2, 100, 100).toNanos() + 2 * LAT;
        assertOneMasterFrom(bound, at("60"));
        assertThat(lan.masters(VI)).containsExactly("a");
        // b's advert came first after the heal: a answered it and re-announced its addresses
        assertThat(lan.announcements).extracting(SimLan.Announcement::host, SimLan.Announcement::at)
                .containsExactly(tuple("a", at("20.830125")));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.BACKUP)).isEqualTo(at("20.831125"));
    }

    @Test
    void trackingPriorityChangesMoveMastershipBackAndForth() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(150));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10.5"));
        a.feed(VI, new Input.PriorityChanged(100));
        lan.advanceTo(at("20"));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER)).isEqualTo(at("10.21975") + mdi(2, 150, 100));
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.BACKUP)).isEqualTo(at("10.21975") + mdi(2, 150, 100) + LAT);

        a.feed(VI, new Input.PriorityChanged(200));
        lan.advanceTo(at("40"));
        long lastHigher = lan.deliveries.stream().filter(d -> d.to().equals("a") && d.at() <= at("20"))
                .mapToLong(SimLan.Delivery::at).max().orElseThrow();
        // the timer running out was armed by b's last advert before the change, at priority 100
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(lastHigher + mdi(2, 100, 100));
        assertThat(lan.masters(VI)).containsExactly("a");
    }

    @Test
    void faultHandsOverAtOnceAndRecoveryPreemptsAgain() {
        SimHost a = node("a", "10.0.0.1", vrrp().priority(200));
        SimHost b = node("b", "10.0.0.2", vrrp().priority(100));
        a.start(VI);
        b.start(VI);
        lan.advanceTo(at("10.5"));
        a.feed(VI, new Input.FaultChanged(true, "eth0 down"));
        lan.advanceTo(at("20.5"));
        assertThat(lan.events("a", VI)).last().extracting(Event::at, Event::from, Event::to, Event::reason)
                .containsExactly(at("10.5"), VrrpState.MASTER, VrrpState.FAULT, "fault: eth0 down");
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.MASTER)).isEqualTo(at("11.110375"));
        assertThat(a.state(VI)).isEqualTo(VrrpState.FAULT);

        a.feed(VI, new Input.FaultChanged(false, "eth0 up"));
        assertThat(a.state(VI)).isEqualTo(VrrpState.BACKUP);
        lan.advanceTo(at("40"));
        assertThat(lan.lastTransitionTo("a", VI, VrrpState.MASTER)).isEqualTo(at("20.5") + mdi(2, 200, 100));
        assertThat(lan.lastTransitionTo("b", VI, VrrpState.BACKUP)).isEqualTo(at("20.5") + mdi(2, 200, 100) + LAT);
    }
}
