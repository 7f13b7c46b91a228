package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.IpvsTable;
import dev.vigil.kernel.ipvs.OpResult;
import dev.vigil.kernel.libc.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies ipvsadm rules to an {@link IpvsTable} in batches ({@link IpvsTable#apply}), which over
 * netlink puts hundreds of requests in each system call where {@code ipvsadm -R} waits for every
 * acknowledgement. Like ipvsadm, a rule the kernel refuses does not stop the ones after it; the
 * result names every refused line with the kernel's errno and reason.
 */
public final class IpvsRestore {
    /** Operations per {@link IpvsTable#apply} call. */
    public static final int DEFAULT_BATCH = 8192;

    private final IpvsTable table;
    private final int batch;

    public IpvsRestore(IpvsTable table) {
        this(table, DEFAULT_BATCH);
    }

    public IpvsRestore(IpvsTable table, int batch) {
        this.table = Objects.requireNonNull(table, "table");
        if (batch < 1) {
            throw new IllegalArgumentException("batch " + batch);
        }
        this.batch = batch;
    }

    /** A rule the kernel refused. */
    public record Failure(int line, String text, String op, int errno, String kernelMessage) {
        /** {@code ESRCH (No such process): service not defined}: errno name, its text, what it means here. */
        public String reason() {
            String hint = IpvsadmHints.hint(op, errno);
            return Errno.name(errno) + " (" + Errno.description(errno) + ")"
                    + (kernelMessage == null ? "" : ": " + kernelMessage) + (hint == null ? "" : ": " + hint);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + reason() + ": " + text.strip();
        }
    }

    /** How many rules the kernel accepted, and the ones it refused. */
    public record Result(int applied, List<Failure> failures) {
        public Result {
            failures = List.copyOf(failures);
        }

        public boolean ok() {
            return failures.isEmpty();
        }

        /** Throws {@link IpvsadmException} listing the refused lines, if any. */
        public Result throwIfFailed() {
            if (!ok()) {
                List<IpvsadmException.LineError> errors = new ArrayList<>();
                for (Failure f : failures) {
                    errors.add(new IpvsadmException.LineError(f.line(), f.text(), f.reason()));
                }
                throw new IpvsadmException(failures.size() + " of " + (applied + failures.size())
                        + " rules refused by the kernel", errors);
            }
            return this;
        }
    }

    /** Parses {@code text} completely (nothing is applied if a line is malformed), then applies it. */
    public Result restore(String text, boolean flush) {
        return restore(IpvsadmRules.parse(text), flush);
    }

    /** Applies {@code rules}; with {@code flush}, empties the table first (as {@code ipvsadm -C} would). */
    public Result restore(List<IpvsadmRules.Rule> rules, boolean flush) {
        if (flush) {
            table.flush();
        }
        int applied = 0;
        List<Failure> failures = new ArrayList<>();
        List<IpvsOp> ops = new ArrayList<>(Math.min(batch, rules.size()));
        for (int from = 0; from < rules.size(); from += batch) {
            List<IpvsadmRules.Rule> chunk = rules.subList(from, Math.min(rules.size(), from + batch));
            ops.clear();
            for (IpvsadmRules.Rule r : chunk) {
                ops.add(r.op());
            }
            List<OpResult> results = table.apply(ops);
            for (int i = 0; i < chunk.size(); i++) {
                OpResult r = results.get(i);
                if (r.ok()) {
                    applied++;
                } else {
                    IpvsadmRules.Rule rule = chunk.get(i);
                    failures.add(new Failure(rule.line(), rule.text(), r.op(), r.errno(), r.message()));
                }
            }
        }
        return new Result(applied, failures);
    }
}
