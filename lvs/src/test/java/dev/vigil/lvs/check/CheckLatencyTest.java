package dev.vigil.lvs.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations land in the first bucket whose bound is at least them; snapshots add up. */
class CheckLatencyTest {
    @Test
    void bucketsCountAndSum() {
        CheckLatency l = new CheckLatency(new double[] {0.01, 0.1, 1});
        l.observe(0.01);
        l.observe(0.05);
        l.observe(0.5);
        l.observe(3);
        CheckLatency.Snapshot s = l.snapshot();
        assertThat(s.counts()).containsExactly(1, 1, 1);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.sum()).isEqualTo(3.56, org.assertj.core.api.Assertions.within(1e-9));
        CheckLatency.Snapshot twice = s.plus(s);
        assertThat(twice.counts()).containsExactly(2, 2, 2);
        assertThat(twice.count()).isEqualTo(8);
        assertThat(CheckLatency.Snapshot.empty(CheckLatency.BUCKETS).count()).isZero();
    }

    @Test
    void boundsMustIncreaseAndMatchToAdd() {
        assertThatThrownBy(() -> new CheckLatency(new double[] {1, 1})).hasMessageContaining("increase");
        assertThatThrownBy(() -> new CheckLatency().snapshot().plus(new CheckLatency(new double[] {1}).snapshot()))
                .hasMessageContaining("different buckets");
    }
}
