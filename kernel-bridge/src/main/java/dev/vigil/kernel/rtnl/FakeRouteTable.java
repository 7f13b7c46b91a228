package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link RouteTable} for tests that answers like the kernel: {@code EEXIST} for a
 * route to the same prefix with the same metric in the same table, or for an identical rule;
 * {@code ESRCH}/{@code ENOENT} when a delete matches nothing. A delete matches on the fields it
 * sets, as the kernel does. Rule lists start with the kernel's defaults (local, main, default).
 */
public final class FakeRouteTable implements RouteTable {
    private final List<Route> routes = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    public FakeRouteTable() {
        for (IpFamily f : IpFamily.values()) {
            rules.add(Rule.builder(f).priority(0).table(Rtnl.RT_TABLE_LOCAL).build());
            rules.add(Rule.builder(f).priority(32766).table(Rtnl.RT_TABLE_MAIN).build());
            if (f == IpFamily.V4) {
                rules.add(Rule.builder(f).priority(32767).table(Rtnl.RT_TABLE_DEFAULT).build());
            }
        }
    }

    @Override
    public synchronized void addRoute(Route route) {
        if (!ensureRoutePresent(route)) {
            throw new NetlinkException("RTM_NEWROUTE " + route, Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void deleteRoute(Route route) {
        if (!ensureRouteAbsent(route)) {
            throw new NetlinkException("RTM_DELROUTE " + route, Errno.ESRCH, null);
        }
    }

    @Override
    public synchronized boolean ensureRoutePresent(Route route) {
        boolean exists = routes.stream().anyMatch(r -> r.table() == route.table() && r.dst().equals(route.dst())
                && r.metric() == route.metric());
        if (!exists) {
            routes.add(route);
        }
        return !exists;
    }

    @Override
    public synchronized boolean ensureRouteAbsent(Route route) {
        return routes.stream().filter(r -> matches(route, r)).findFirst().map(routes::remove).orElse(false);
    }

    private static boolean matches(Route want, Route r) {
        return r.table() == want.table() && r.dst().equals(want.dst())
                && (want.gateway() == null || want.gateway().equals(r.gateway()))
                && (want.ifindex() == 0 || want.ifindex() == r.ifindex())
                && (want.metric() == 0 || want.metric() == r.metric())
                && (want.type() == RouteType.UNICAST || want.type() == r.type());
    }

    @Override
    public synchronized List<Route> routes(IpFamily family, int table) {
        return routes.stream().filter(r -> r.family() == family && (table == 0 || r.table() == table)).toList();
    }

    @Override
    public synchronized void addRule(Rule rule) {
        if (!ensureRulePresent(rule)) {
            throw new NetlinkException("RTM_NEWRULE " + rule, Errno.EEXIST, null);
        }
    }

    @Override
    public synchronized void deleteRule(Rule rule) {
        if (!ensureRuleAbsent(rule)) {
            throw new NetlinkException("RTM_DELRULE " + rule, Errno.ENOENT, null);
        }
    }

    @Override
    public synchronized boolean ensureRulePresent(Rule rule) {
        Rule r = rule.priority() != Rule.NO_PRIORITY ? rule : withPriority(rule, defaultPriority(rule.family()));
        if (rules.contains(r)) {
            return false;
        }
        rules.add(r);
        rules.sort(Comparator.comparingInt(Rule::priority));
        return true;
    }

    @Override
    public synchronized boolean ensureRuleAbsent(Rule rule) {
        return rules.stream().filter(r -> matches(rule, r)).findFirst().map(rules::remove).orElse(false);
    }

    private static boolean matches(Rule want, Rule r) {
        return r.family() == want.family()
                && (want.priority() == Rule.NO_PRIORITY || want.priority() == r.priority())
                && (want.table() == 0 || want.table() == r.table())
                && (want.from() == null || want.from().equals(r.from()))
                && (want.to() == null || want.to().equals(r.to()))
                && (want.iif() == null || want.iif().equals(r.iif()))
                && (want.oif() == null || want.oif().equals(r.oif()))
                && (want.fwmark() == 0 && want.fwmask() == 0 || want.fwmark() == r.fwmark() && want.fwmask() == r.fwmask())
                && (want.action() == RuleAction.TO_TBL || want.action() == RuleAction.UNSPEC || want.action() == r.action())
                && want.invert() == r.invert();
    }

    /** The kernel puts a rule without priority just before the first rule after priority 0. */
    private int defaultPriority(IpFamily family) {
        return rules.stream().filter(r -> r.family() == family && r.priority() > 0).mapToInt(Rule::priority)
                .min().orElse(1) - 1;
    }

    private static Rule withPriority(Rule r, int priority) {
        return new Rule(r.family(), priority, r.table(), r.from(), r.to(), r.iif(), r.oif(), r.fwmark(), r.fwmask(),
                r.action(), r.invert());
    }

    @Override
    public synchronized List<Rule> rules(IpFamily family) {
        return rules.stream().filter(r -> Objects.equals(r.family(), family)).toList();
    }
}
