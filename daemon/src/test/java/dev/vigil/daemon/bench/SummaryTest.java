package dev.vigil.daemon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void nearestRankPercentilesOfUnsortedSamples() {
        Summary s = new Summary(List.of(30.0, 10.0, 20.0, 40.0));
        assertThat(s.p50()).isEqualTo(20.0);
        assertThat(s.percentile(75)).isEqualTo(30.0);
        assertThat(s.p99()).isEqualTo(40.0);
        assertThat(s.percentile(1)).isEqualTo(10.0);
        assertThat(s.samples()).containsExactly(30.0, 10.0, 20.0, 40.0);
    }

    @Test
    void p99OfTwentySamplesIsTheLargestAndOfTwoHundredTheSecondLargest() {
        List<Double> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToDouble(i -> i).boxed().toList();
        assertThat(new Summary(twenty).p99()).isEqualTo(20.0);
        assertThat(new Summary(twenty).p50()).isEqualTo(10.0);
        List<Double> twoHundred = java.util.stream.IntStream.rangeClosed(1, 200).mapToDouble(i -> i).boxed().toList();
        assertThat(new Summary(twoHundred).p99()).isEqualTo(198.0);
    }

    @Test
    void rejectsNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> new Summary(List.of())).isInstanceOf(IllegalArgumentException.class);
        Summary s = new Summary(List.of(1.0));
        assertThatThrownBy(() -> s.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
