package dev.vigil.vrrp.track;

import static dev.vigil.vrrp.track.PriorityCalculator.Kind.FILE;
import static dev.vigil.vrrp.track.PriorityCalculator.Kind.INTERFACE;
import static dev.vigil.vrrp.track.PriorityCalculator.Kind.PROCESS;
import static dev.vigil.vrrp.track.PriorityCalculator.Kind.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.vrrp.track.PriorityCalculator.Contribution;
import dev.vigil.vrrp.track.PriorityCalculator.Effective;
import dev.vigil.vrrp.track.PriorityCalculator.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityCalculatorTest {
    private static Contribution up(String name, int weight, boolean reverse, Kind kind) {
        return new Contribution(name, weight, reverse, TrackStatus.UP, kind);
    }

    private static Contribution down(String name, int weight, boolean reverse, Kind kind) {
        return new Contribution(name, weight, reverse, TrackStatus.DOWN, kind);
    }

    private static Contribution file(String name, long value, int weight, boolean reverse) {
        return new Contribution(name, weight, reverse, new TrackStatus(true, value), FILE);
    }

    private static int priority(int base, Contribution... cs) {
        Effective e = PriorityCalculator.compute(base, List.of(cs));
        assertThat(e.fault()).isFalse();
        return e.priority();
    }

    @Test
    void positiveWeightAddsWhileUpNegativeSubtractsWhileDown() {
        assertThat(priority(100, up("a", 10, false, SCRIPT))).isEqualTo(110);
        assertThat(priority(100, down("a", 10, false, SCRIPT))).isEqualTo(100);
        assertThat(priority(100, down("a", -20, false, INTERFACE))).isEqualTo(80);
        assertThat(priority(100, up("a", -20, false, INTERFACE))).isEqualTo(100);
        assertThat(priority(100, up("a", 5, false, SCRIPT), down("b", -30, false, PROCESS), up("c", 7, false, INTERFACE)))
                .isEqualTo(82);
    }

    @Test
    void reverseFlipsTheDirection() {
        assertThat(priority(100, up("a", 10, true, SCRIPT))).isEqualTo(90);
        assertThat(priority(100, down("a", 10, true, SCRIPT))).isEqualTo(100);
        assertThat(priority(100, down("a", -20, true, PROCESS))).isEqualTo(120);
        assertThat(priority(100, up("a", -20, true, PROCESS))).isEqualTo(100);
    }

    @Test
    void weightZeroDownIsAFaultAndReverseMakesUpTheFault() {
        Effective e = PriorityCalculator.compute(100,
                List.of(down("chk", 0, false, SCRIPT), up("eth0", 0, false, INTERFACE), down("eth1", 0, false, INTERFACE)));
        assertThat(e).isEqualTo(new Effective(100, true, List.of("script chk down", "interface eth1 down")));
        assertThat(PriorityCalculator.compute(100, List.of(up("chk", 0, true, SCRIPT))).faultReasons())
                .containsExactly("script chk up");
        assertThat(priority(100, down("chk", 0, true, SCRIPT))).isEqualTo(100);
    }

    @Test
    void effectivePriorityStaysWithin1And254() {
        assertThat(priority(250, up("a", 10, false, SCRIPT))).isEqualTo(254);
        assertThat(priority(5, down("a", -10, false, SCRIPT))).isEqualTo(1);
        assertThat(priority(200, up("a", 253, false, SCRIPT), up("b", 253, false, SCRIPT))).isEqualTo(254);
    }

    @Test
    void addressOwnerKeepsPriority255ButStillFaults() {
        assertThat(priority(255, down("a", -50, false, SCRIPT))).isEqualTo(255);
        assertThat(priority(255, up("a", 50, false, SCRIPT))).isEqualTo(255);
        Effective e = PriorityCalculator.compute(255, List.of(down("a", 0, false, SCRIPT)));
        assertThat(e.priority()).isEqualTo(255);
        assertThat(e.fault()).isTrue();
    }

    @Test
    void trackFileValueTimesWeight() {
        assertThat(priority(100, file("f", 3, 5, false))).isEqualTo(115);
        assertThat(priority(100, file("f", -4, 5, false))).isEqualTo(80);
        assertThat(priority(100, file("f", 3, 5, true))).isEqualTo(85);
        assertThat(priority(100, file("f", 0, 5, false))).isEqualTo(100);
        assertThat(priority(100, file("f", 1, -30, false))).isEqualTo(70);
    }

    @Test
    void trackFileAbove253CountsAs253AndBelowMinus253IsAFault() {
        assertThat(priority(1, file("f", 1000, 1, false))).isEqualTo(254);
        assertThat(priority(100, file("f", -253, 1, false))).isEqualTo(1);
        Effective e = PriorityCalculator.compute(100, List.of(file("f", -254, 1, false)));
        assertThat(e.fault()).isTrue();
        assertThat(e.faultReasons()).containsExactly("file f value -254");
        assertThat(PriorityCalculator.compute(100, List.of(file("f", Long.MIN_VALUE, 2, false))).fault()).isTrue();
        assertThat(priority(100, file("f", Long.MIN_VALUE, 2, true))).isEqualTo(254);
    }

    @Test
    void trackFileWeightZeroFaultsOnNonZero() {
        assertThat(priority(100, file("f", 0, 0, false))).isEqualTo(100);
        assertThat(PriorityCalculator.compute(100, List.of(file("f", 7, 0, false))).fault()).isTrue();
        assertThat(PriorityCalculator.compute(100, List.of(file("f", 0, 0, true))).fault()).isTrue();
    }

    @Test
    void rejectsPrioritiesOutside1To255() {
        assertThatThrownBy(() -> PriorityCalculator.compute(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriorityCalculator.compute(256, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(priority(42)).isEqualTo(42);
    }
}
