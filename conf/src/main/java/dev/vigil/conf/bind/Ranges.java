package dev.vigil.conf.bind;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.model.Range;
import dev.vigil.conf.tree.ScalarNode;

import java.math.BigDecimal;
import java.time.Duration;

/** Checks a bound value against its field's {@link Range}. */
final class Ranges {
    private Ranges() {
    }

    static void check(Field f, Object value, ScalarNode at, String key, Diagnostics diagnostics) {
        Range r = f.range();
        if (r == null || value == null) {
            return;
        }
        BigDecimal v;
        if (value instanceof Number n) {
            v = BigDecimal.valueOf(n.longValue());
        } else if (value instanceof Duration d) {
            v = Scalars.seconds(d);
        } else {
            return;
        }
        if (v.compareTo(BigDecimal.valueOf(r.min())) < 0 || v.compareTo(BigDecimal.valueOf(r.max())) > 0) {
            diagnostics.error(at.position(), key + " " + at.value() + " is out of range " + r.min() + ".." + r.max());
        }
    }
}
