package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.util.Objects;

/**
 * A routing policy rule, as {@code ip rule} shows it.
 *
 * @param family   IPv4 or IPv6 rule list
 * @param priority rule priority ({@code FRA_PRIORITY}), or {@link #NO_PRIORITY} to let the kernel choose
 * @param table    table to look up for {@link RuleAction#TO_TBL} (a full u32)
 * @param from     source prefix ({@code FRA_SRC}), or {@code null} for all
 * @param to       destination prefix ({@code FRA_DST}), or {@code null} for all
 * @param iif      input interface name ({@code FRA_IIFNAME}), or {@code null}
 * @param oif      output interface name ({@code FRA_OIFNAME}), or {@code null}
 * @param fwmark   firewall mark to match, 0 for none
 * @param fwmask   mask for {@code fwmark}; all ones when a mark is given without mask
 * @param action   what the rule does
 * @param invert   {@code not}: the rule applies when the selectors do not match
 */
public record Rule(IpFamily family, int priority, int table, IpPrefix from, IpPrefix to, String iif, String oif,
                   int fwmark, int fwmask, RuleAction action, boolean invert) {
    public static final int NO_PRIORITY = -1;

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        if (from != null && from.family() != family || to != null && to.family() != family) {
            throw new IllegalArgumentException("rule prefixes must be " + family);
        }
        if (fwmark != 0 && fwmask == 0) {
            fwmask = -1;
        }
    }

    /** A builder for a rule of {@code family}; it looks up {@link #table} when a table is set. */
    public static Builder builder(IpFamily family) {
        return new Builder(family);
    }

    @Override
    public String toString() {
        return (priority == NO_PRIORITY ? "" : priority + ": ") + (invert ? "not " : "")
                + "from " + (from == null ? "all" : from) + (to == null ? "" : " to " + to)
                + (iif == null ? "" : " iif " + iif) + (oif == null ? "" : " oif " + oif)
                + (fwmark == 0 && fwmask == 0 ? "" : " fwmark 0x" + Integer.toHexString(fwmark) + "/0x" + Integer.toHexString(fwmask))
                + (action == RuleAction.TO_TBL ? " lookup " + Integer.toUnsignedString(table) : " " + action.name().toLowerCase())
                + (family == IpFamily.V6 ? " (inet6)" : "");
    }

    /** Builds a {@link Rule}. */
    public static final class Builder {
        private final IpFamily family;
        private int priority = NO_PRIORITY;
        private int table;
        private IpPrefix from;
        private IpPrefix to;
        private String iif;
        private String oif;
        private int fwmark;
        private int fwmask;
        private RuleAction action;
        private boolean invert;

        private Builder(IpFamily family) {
            this.family = Objects.requireNonNull(family, "family");
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public Builder table(int table) {
            this.table = table;
            return this;
        }

        public Builder from(String prefix) {
            this.from = IpPrefix.parse(prefix);
            return this;
        }

        public Builder from(IpPrefix prefix) {
            this.from = prefix;
            return this;
        }

        public Builder to(String prefix) {
            this.to = IpPrefix.parse(prefix);
            return this;
        }

        public Builder to(IpPrefix prefix) {
            this.to = prefix;
            return this;
        }

        public Builder iif(String name) {
            this.iif = name;
            return this;
        }

        public Builder oif(String name) {
            this.oif = name;
            return this;
        }

        public Builder fwmark(int mark, int mask) {
            this.fwmark = mark;
            this.fwmask = mask;
            return this;
        }

        public Builder action(RuleAction action) {
            this.action = action;
            return this;
        }

        public Builder invert(boolean invert) {
            this.invert = invert;
            return this;
        }

        public Rule build() {
            RuleAction a = action != null ? action : table != 0 ? RuleAction.TO_TBL : RuleAction.UNSPEC;
            return new Rule(family, priority, table, from, to, iif, oif, fwmark, fwmask, a, invert);
        }
    }
}
