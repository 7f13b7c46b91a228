package dev.vigil.daemon.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the writer produces parses strictly, with escapes and histograms intact. */
class MetricsWriterTest {
    @Test
    void writesParsableText() {
        MetricsWriter w = new MetricsWriter();
        w.counter("x_total", "Lines with \\ and\nbreaks.").sample(3, "name", "a\"b\\c\nd").sample(0, "name", "");
        w.gauge("y", "Y.").sample(0.25).sample(Double.NaN, "k", "nan");
        w.histogram("z_seconds", "Z.").histogram(new double[] {0.1, 1}, new long[] {2, 1}, 4, 7.5, "checker", "TCP_CHECK");
        PromText p = PromText.parse(w.toString());
        assertThat(p.value("x_total", "name", "a\"b\\c\nd")).isEqualTo(3);
        assertThat(p.families().get("x_total").help()).isEqualTo("Lines with \\ and\nbreaks.");
        assertThat(p.value("y")).isEqualTo(0.25);
        assertThat(p.value("z_seconds_bucket", "checker", "TCP_CHECK", "le", "0.1")).isEqualTo(2);
        assertThat(p.value("z_seconds_bucket", "checker", "TCP_CHECK", "le", "1")).isEqualTo(3);
        assertThat(p.value("z_seconds_bucket", "checker", "TCP_CHECK", "le", "+Inf")).isEqualTo(4);
        assertThat(p.value("z_seconds_sum", "checker", "TCP_CHECK")).isEqualTo(7.5);
        assertThat(w.toString()).contains("x_total{name=\"a\\\"b\\\\c\\nd\"} 3\n");
    }

    @Test
    void refusesAFamilyTwiceAndBadNames() {
        MetricsWriter w = new MetricsWriter().gauge("y", "Y.");
        assertThatThrownBy(() -> w.gauge("y", "again")).hasMessageContaining("written twice");
        assertThatThrownBy(() -> w.gauge("1y", "bad")).hasMessageContaining("bad metric name");
        assertThatThrownBy(() -> w.sample(1, "__name__", "x")).hasMessageContaining("bad label name");
        assertThatThrownBy(() -> new MetricsWriter().sample(1)).hasMessageContaining("before its family");
        assertThatThrownBy(() -> w.raw("# HELP y Again.\n# TYPE y gauge\ny 2\n")).hasMessageContaining("y written twice");
        assertThat(w.toString()).doesNotContain("y 2");
        w.raw("# HELP z Z.\n# TYPE z gauge\nz 1\n");
        assertThat(w.has("z")).isTrue();
    }
}
