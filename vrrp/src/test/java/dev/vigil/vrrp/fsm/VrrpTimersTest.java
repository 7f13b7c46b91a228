package dev.vigil.vrrp.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 5798 6.1 and RFC 3768 6.1 numbers, worked out by hand from the formulas. */
class VrrpTimersTest {

    @Test
    void v2SkewIsTheFractionOfASecondLeftByThePriority() {
        assertThat(VrrpTimers.skewTime(2, 100, 100)).isEqualTo(Duration.ofNanos(609_375_000)); // 156/256 s
        assertThat(VrrpTimers.skewTime(2, 255, 100)).isEqualTo(Duration.ofNanos(3_906_250));   // 1/256 s
        assertThat(VrrpTimers.skewTime(2, 1, 100)).isEqualTo(Duration.ofNanos(996_093_750));   // 255/256 s
        assertThat(VrrpTimers.skewTime(2, 0, 100)).isEqualTo(Duration.ofSeconds(1));
        // the v2 skew does not depend on the advert interval
        assertThat(VrrpTimers.skewTime(2, 100, 500)).isEqualTo(Duration.ofNanos(609_375_000));
    }

    @Test
    void v2MasterDownIsThreeIntervalsPlusSkew() {
        assertThat(VrrpTimers.masterDownInterval(2, 100, 100)).isEqualTo(Duration.ofNanos(3_609_375_000L));
        assertThat(VrrpTimers.masterDownInterval(2, 200, 100)).isEqualTo(Duration.ofNanos(3_218_750_000L));
        assertThat(VrrpTimers.masterDownInterval(2, 100, 200)).isEqualTo(Duration.ofNanos(6_609_375_000L));
    }

    @Test
    void v3SkewScalesWithTheMasterAdvertInterval() {
        // (156 * 100) / 256 = 60.9375 cs
        assertThat(VrrpTimers.skewTime(3, 100, 100)).isEqualTo(Duration.ofNanos(609_375_000));
        // (56 * 50) / 256 = 10.9375 cs
        assertThat(VrrpTimers.skewTime(3, 200, 50)).isEqualTo(Duration.ofNanos(109_375_000));
        // (1 * 1) / 256 cs = 39062.5 ns, truncated
        assertThat(VrrpTimers.skewTime(3, 255, 1)).isEqualTo(Duration.ofNanos(39_062));
        // (255 * 4095) / 256 = 4079.00390625 cs
        assertThat(VrrpTimers.skewTime(3, 1, 4095)).isEqualTo(Duration.ofNanos(40_790_039_062L));
    }

    @Test
    void v3MasterDownIsThreeMasterIntervalsPlusSkew() {
        assertThat(VrrpTimers.masterDownInterval(3, 100, 100)).isEqualTo(Duration.ofNanos(3_609_375_000L));
        assertThat(VrrpTimers.masterDownInterval(3, 200, 50)).isEqualTo(Duration.ofNanos(1_609_375_000L));
        assertThat(VrrpTimers.masterDownInterval(3, 100, 50)).isEqualTo(Duration.ofNanos(1_804_687_500L));
        assertThat(VrrpTimers.masterDownInterval(3, 1, 4095)).isEqualTo(Duration.ofNanos(163_640_039_062L));
    }

    @Test
    void higherPrioritiesWaitLessAndEveryWaitIsBetweenThreeAndFourIntervals() {
        for (int version = 2; version <= 3; version++) {
            Duration previous = null;
            for (int priority = 1; priority <= 255; priority++) {
                Duration mdi = VrrpTimers.masterDownInterval(version, priority, 100);
                assertThat(mdi).isGreaterThan(Duration.ofSeconds(3)).isLessThan(Duration.ofSeconds(4));
                if (previous != null) {
                    assertThat(mdi).isLessThan(previous);
                }
                previous = mdi;
            }
        }
    }

    @Test
    void rejectsOutOfRangeArguments() {
        assertThatThrownBy(() -> VrrpTimers.skewTime(4, 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.skewTime(3, 256, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.masterDownInterval(3, 100, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
