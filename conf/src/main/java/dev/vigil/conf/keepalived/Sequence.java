package dev.vigil.conf.keepalived;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.SourcePosition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ~SEQ(var, start, step, end)} and {@code ~SEQx(...)}: the rest of the line once per value. */
final class Sequence {
    private static final Pattern SEQ = Pattern.compile("~SEQ(x?)\\(([^)]*)\\)\\s*(.*)");

    /** Receives each value of the variable with the line to process. */
    interface Body {
        void run(String var, String value, String rest);
    }

    private Sequence() {
    }

    static void expand(String line, SourcePosition at, Diagnostics diagnostics, Body body) {
        Matcher m = SEQ.matcher(line);
        String[] args = m.matches() ? m.group(2).split("\\s*,\\s*") : new String[0];
        if (args.length < 2 || args.length > 4 || !args[0].strip().matches("[A-Za-z_]\\w*")) {
            diagnostics.error(at, "malformed ~SEQ", "write ~SEQ(var, start, step, end), ~SEQ(var, start, end) or ~SEQ(var, end)");
            return;
        }
        try {
            long end = Long.parseLong(args[args.length - 1].strip());
            long start = args.length >= 3 ? Long.parseLong(args[1].strip()) : (end > 0 ? 1 : -1);
            long step = args.length == 4 ? Long.parseLong(args[2].strip()) : (end >= start ? 1 : -1);
            if (step == 0) {
                throw new NumberFormatException();
            }
            boolean hex = !m.group(1).isEmpty();
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                body.run(args[0].strip(), hex ? Long.toHexString(v) : Long.toString(v), m.group(3));
            }
        } catch (NumberFormatException e) {
            diagnostics.error(at, "malformed ~SEQ: start, step and end must be integers and step not 0", "");
        }
    }
}
