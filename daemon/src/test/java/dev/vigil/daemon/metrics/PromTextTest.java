package dev.vigil.daemon.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict parser accepts well-formed text and refuses each kind of mistake. */
class PromTextTest {
    private static final String HEAD = "# HELP a_total A.\n# TYPE a_total counter\n";

    @Test
    void parsesFamiliesLabelsEscapesAndHistograms() {
        PromText p = PromText.parse(HEAD + "a_total{x=\"q\\\"\\\\\\n\",y=\"\"} 3 1700000000000\n"
                + "# HELP h H \\\\ \\n.\n# TYPE h histogram\n"
                + "h_bucket{le=\"0.1\"} 1\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 3\nh_sum 4.5\nh_count 3\n"
                + "# a plain comment\n\n# HELP g G.\n# TYPE g gauge\ng NaN\ng{k=\"v\"} -1.5e-3\n");
        assertThat(p.value("a_total", "x", "q\"\\\n", "y", "")).isEqualTo(3);
        assertThat(p.families().get("h").help()).isEqualTo("H \\ \n.");
        assertThat(p.value("h_count")).isEqualTo(3);
        assertThat(p.value("g", "k", "v")).isEqualTo(-0.0015);
        assertThat(p.families()).containsOnlyKeys("a_total", "h", "g");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a_total 1",                                                  // no final line feed
        "a_total{x=\"1\"} 1\na_total{x=\"1\"} 2\n",                   // duplicate series
        "a_total -1\n",                                               // negative counter
        "a_total{x=1} 1\n",                                           // unquoted label value
        "a_total{x=\"\\t\"} 1\n",                                     // bad escape
        "a_total{1x=\"a\"} 1\n",                                      // bad label name
        "a_total{x=\"a\",x=\"b\"} 1\n",                               // label twice
        "a_total one\n",                                              // bad value
        "a_total 1 2 3\n",                                            // too many fields
        "b 1\n",                                                      // no TYPE
        "# TYPE a_total counter\n",                                   // second TYPE
        "a_total 1\n# HELP b B.\n# TYPE b gauge\nb 1\na_total{x=\"2\"} 1\n", // not contiguous
        "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
        "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",
        "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 2\n",
        "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",
        "# HELP h H.\n# TYPE h histogram\nh 1\n",
        "# TYPE c gauge\nc 1\n",                                      // no HELP
        "# HELP d D.\n# TYPE d nonsense\nd 1\n",
    })
    void refuses(String tail) {
        assertThatThrownBy(() -> PromText.parse(HEAD + tail)).isInstanceOf(PromText.Invalid.class);
    }
}
