package dev.vigil.vrrp.fsm;

import static dev.vigil.vrrp.fsm.Configs.ip;
import static dev.vigil.vrrp.fsm.Configs.vrrp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.vrrp.fsm.Action.AnnounceAddresses;
import dev.vigil.vrrp.fsm.Action.SendAdvert;
import dev.vigil.vrrp.fsm.Action.StartTimer;
import dev.vigil.vrrp.fsm.Action.StopTimer;
import dev.vigil.vrrp.fsm.Action.Transition;
import dev.vigil.vrrp.fsm.Input.AdvertReceived;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One machine, input by input: the exact actions of RFC 5798 6.4 and keepalived's extensions. */
class VrrpMachineTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration MDI_100 = VrrpTimers.masterDownInterval(2, 100, 100);

    private static VrrpMachine master(Configs c) {
        VrrpMachine m = new VrrpMachine(c.build());
        m.handle(new Input.Start());
        m.handle(new Input.TimerExpired(TimerKind.MASTER_DOWN));
        assertThat(m.state()).isEqualTo(VrrpState.MASTER);
        return m;
    }

    private static VrrpMachine backup(Configs c) {
        VrrpMachine m = new VrrpMachine(c.build());
        m.handle(new Input.Start());
        return m;
    }

    private static AdvertReceived advert(int priority, String source) {
        return new AdvertReceived(priority, 100, ip(source));
    }

    @Test
    void ownerStartsAsMasterAtOnce() {
        VrrpMachine m = new VrrpMachine(vrrp().priority(255).build());
        assertThat(m.handle(new Input.Start())).containsExactly(new SendAdvert(255),
                new StartTimer(TimerKind.ADVER, ONE_SECOND),
                new Transition(VrrpState.INIT, VrrpState.MASTER, "address owner"));
        assertThat(m.masterAddress()).isEmpty();
    }

    @Test
    void othersStartAsBackupWaitingMasterDownInterval() {
        VrrpMachine m = new VrrpMachine(vrrp().build());
        assertThat(m.handle(new Input.Start())).containsExactly(new StartTimer(TimerKind.MASTER_DOWN, MDI_100),
                new Transition(VrrpState.INIT, VrrpState.BACKUP, "start"));
        assertThat(m.handle(new Input.Start())).isEmpty();
    }

    @Test
    void stateMasterBelow255StillWaitsAsBackupButPreemptDelayIsCleared() {
        VrrpMachine m = new VrrpMachine(vrrp().startAsMaster().preemptDelay(Duration.ofSeconds(5)).build());
        assertThat(m.handle(new Input.Start())).startsWith(new StartTimer(TimerKind.MASTER_DOWN, MDI_100));
        assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void masterDownTimerMakesMaster() {
        VrrpMachine m = backup(vrrp());
        assertThat(m.handle(new Input.TimerExpired(TimerKind.MASTER_DOWN))).containsExactly(new SendAdvert(100),
                new StartTimer(TimerKind.ADVER, ONE_SECOND),
                new Transition(VrrpState.BACKUP, VrrpState.MASTER, "master down timer"));
        assertThat(m.handle(new Input.TimerExpired(TimerKind.ADVER)))
                .containsExactly(new SendAdvert(100), new StartTimer(TimerKind.ADVER, ONE_SECOND));
    }

    @Test
    void timersThatWereStoppedAreIgnoredWhenTheyFireLate() {
        VrrpMachine m = master(vrrp());
        m.handle(advert(200, "10.0.0.9"));
        assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(m.handle(new Input.TimerExpired(TimerKind.ADVER))).isEmpty();
        assertThat(new VrrpMachine(vrrp().build()).handle(new Input.TimerExpired(TimerKind.MASTER_DOWN))).isEmpty();
    }

    @Test
    void backupResetsOnEqualOrHigherAndDiscardsLowerWhenPreempting() {
        VrrpMachine m = backup(vrrp());
        assertThat(m.handle(advert(100, "10.0.0.9"))).containsExactly(new StartTimer(TimerKind.MASTER_DOWN, MDI_100));
        assertThat(m.masterAddress()).contains(ip("10.0.0.9"));
        assertThat(m.handle(advert(99, "10.0.0.8"))).isEmpty();
        assertThat(backup(vrrp().nopreempt()).handle(advert(1, "10.0.0.9")))
                .containsExactly(new StartTimer(TimerKind.MASTER_DOWN, MDI_100));
    }

    @Test
    void backupArmsSkewTimeOnPriorityZeroAndNamesItAsTheReason() {
        VrrpMachine m = backup(vrrp());
        assertThat(m.handle(advert(0, "10.0.0.9")))
                .containsExactly(new StartTimer(TimerKind.MASTER_DOWN, VrrpTimers.skewTime(2, 100, 100)));
        assertThat(m.handle(new Input.TimerExpired(TimerKind.MASTER_DOWN)))
                .contains(new Transition(VrrpState.BACKUP, VrrpState.MASTER, "priority 0 advert"));
    }

    @Test
    void preemptDelayRearmsOnceOnTheFirstLowerAdvert() {
        Duration delay = Duration.ofSeconds(2);
        VrrpMachine m = backup(vrrp().preemptDelay(delay));
        m.handle(advert(150, "10.0.0.9"));
        assertThat(m.handle(advert(50, "10.0.0.9")))
                .containsExactly(new StartTimer(TimerKind.MASTER_DOWN, MDI_100.plus(delay)));
        assertThat(m.handle(advert(50, "10.0.0.9"))).isEmpty();
        assertThat(backup(vrrp().preemptDelay(delay).nopreempt()).handle(new Input.Shutdown()))
                .containsExactly(new StopTimer(TimerKind.MASTER_DOWN),
                        new Transition(VrrpState.BACKUP, VrrpState.INIT, "shutdown"));
    }

    @Test
    void v3LearnsTheIntervalAndV2KeepsItsOwn() {
        VrrpMachine v3 = backup(vrrp().version(3));
        assertThat(v3.handle(new AdvertReceived(200, 50, ip("10.0.0.9"))))
                .containsExactly(new StartTimer(TimerKind.MASTER_DOWN, VrrpTimers.masterDownInterval(3, 100, 50)));
        assertThat(v3.masterAdvertIntervalCentis()).isEqualTo(50);
        VrrpMachine v2 = backup(vrrp());
        assertThat(v2.handle(new AdvertReceived(200, 300, ip("10.0.0.9"))))
                .containsExactly(new StartTimer(TimerKind.MASTER_DOWN, MDI_100));
        assertThat(v2.masterAdvertIntervalCentis()).isEqualTo(100);
    }

    @Test
    void masterAnswersPriorityZeroAtOnce() {
        VrrpMachine m = master(vrrp());
        assertThat(m.handle(advert(0, "10.0.0.9")))
                .containsExactly(new SendAdvert(100), new StartTimer(TimerKind.ADVER, ONE_SECOND));
    }

    @Test
    void masterYieldsToHigherPriorityOrEqualPriorityFromAHigherAddress() {
        Transition yielded = new Transition(VrrpState.MASTER, VrrpState.BACKUP, "higher priority advert");
        assertThat(master(vrrp()).handle(advert(101, "10.0.0.0"))).containsExactly(new StopTimer(TimerKind.ADVER),
                new StartTimer(TimerKind.MASTER_DOWN, MDI_100), yielded);
        assertThat(master(vrrp().address("10.0.0.1")).handle(advert(100, "192.168.0.1"))).contains(yielded);
        assertThat(master(vrrp().address("192.168.0.1")).handle(advert(100, "10.0.0.1"))).doesNotContain(yielded);
        assertThat(master(vrrp().higherPrioSendAdvert()).handle(advert(101, "10.0.0.9")))
                .startsWith(new SendAdvert(100), new StopTimer(TimerKind.ADVER));
    }

    @Test
    void masterAnswersLowerPriorityUnlessTold() {
        assertThat(master(vrrp()).handle(advert(99, "10.0.0.9")))
                .containsExactly(new SendAdvert(100), new AnnounceAddresses("lower priority advert"));
        assertThat(master(vrrp().lowerPrioNoAdvert()).handle(advert(99, "10.0.0.9"))).isEmpty();
    }

    @Test
    void shutdownFromMasterSendsPriorityZero() {
        VrrpMachine m = master(vrrp());
        assertThat(m.handle(new Input.Shutdown())).containsExactly(new StopTimer(TimerKind.ADVER),
                new SendAdvert(0), new Transition(VrrpState.MASTER, VrrpState.INIT, "shutdown"));
        assertThat(m.handle(new Input.Shutdown())).isEmpty();
        assertThat(m.handle(advert(200, "10.0.0.9"))).isEmpty();
    }

    @Test
    void trackedPriorityIsAdvertisedButTheOwnersNeverChanges() {
        VrrpMachine m = master(vrrp());
        assertThat(m.handle(new Input.PriorityChanged(80))).isEmpty();
        assertThat(m.handle(new Input.TimerExpired(TimerKind.ADVER))).startsWith(new SendAdvert(80));
        assertThat(m.handle(advert(90, "10.0.0.9"))).contains(
                new Transition(VrrpState.MASTER, VrrpState.BACKUP, "higher priority advert"));
        VrrpMachine owner = new VrrpMachine(vrrp().priority(255).build());
        owner.handle(new Input.PriorityChanged(10));
        assertThat(owner.effectivePriority()).isEqualTo(255);
        assertThatThrownBy(() -> new Input.PriorityChanged(255)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultFromMasterSendsPriorityZeroAndRecoveryWaitsAsBackup() {
        VrrpMachine m = master(vrrp());
        assertThat(m.handle(new Input.FaultChanged(true, "eth0 down"))).containsExactly(
                new StopTimer(TimerKind.ADVER), new SendAdvert(0),
                new Transition(VrrpState.MASTER, VrrpState.FAULT, "fault: eth0 down"));
        assertThat(m.handle(advert(0, "10.0.0.9"))).isEmpty();
        assertThat(m.handle(new Input.FaultChanged(false, "eth0 up"))).containsExactly(
                new StartTimer(TimerKind.MASTER_DOWN, MDI_100),
                new Transition(VrrpState.FAULT, VrrpState.BACKUP, "fault recovered: eth0 up"));
    }

    @Test
    void faultBeforeStartIsEnteredOnStartAndOwnerRecoversAsMaster() {
        VrrpMachine m = new VrrpMachine(vrrp().priority(255).build());
        assertThat(m.handle(new Input.FaultChanged(true, "link"))).isEmpty();
        assertThat(m.handle(new Input.Start()))
                .containsExactly(new Transition(VrrpState.INIT, VrrpState.FAULT, "fault: link"));
        assertThat(m.handle(new Input.FaultChanged(false, "link"))).contains(
                new Transition(VrrpState.FAULT, VrrpState.MASTER, "address owner"));
    }

    @Test
    void syncRequestsMoveTheMemberButAnOwnFaultHoldsIt() {
        VrrpMachine m = backup(vrrp());
        assertThat(m.handle(new Input.SyncRequest(VrrpState.MASTER, "sync group: VI_2 MASTER")))
                .contains(new Transition(VrrpState.BACKUP, VrrpState.MASTER, "sync group"));
        assertThat(m.handle(new Input.SyncRequest(VrrpState.FAULT, "x")))
                .contains(new SendAdvert(0), new Transition(VrrpState.MASTER, VrrpState.FAULT, "sync group"));
        m.handle(new Input.FaultChanged(true, "own"));
        m.handle(new Input.FaultChanged(false, "own"));
        assertThat(m.state()).as("still held by the group").isEqualTo(VrrpState.FAULT);
        assertThat(m.handle(new Input.SyncRequest(VrrpState.BACKUP, "x")))
                .contains(new Transition(VrrpState.FAULT, VrrpState.BACKUP, "sync group"));
        m.handle(new Input.FaultChanged(true, "own"));
        assertThat(m.handle(new Input.SyncRequest(VrrpState.BACKUP, "x"))).isEmpty();
        assertThat(m.handle(new Input.SyncRequest(VrrpState.MASTER, "x"))).isEmpty();
    }

    @Test
    void configRejectsWhatTheRfcsDoNotAllow() {
        assertThatThrownBy(() -> vrrp().version(2).interval(150).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vrrp().version(3).interval(4096).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vrrp().priority(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vrrp().preemptDelay(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
