package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.util.List;

/**
 * Routes and policy rules, in any table: the backend of keepalived's {@code virtual_routes} and
 * {@code virtual_rules}. The {@code ensure*} methods treat "already in that state" as success.
 * An in-memory implementation for tests is {@link FakeRouteTable}.
 */
public interface RouteTable {

    /** Adds {@code route}; fails with {@code EEXIST} when the table has a route to the same prefix and metric. */
    void addRoute(Route route);

    /** Deletes {@code route}; fails with {@code ESRCH} when no route matches. */
    void deleteRoute(Route route);

    /** @return true when added, false when it existed ({@code EEXIST}) */
    boolean ensureRoutePresent(Route route);

    /** @return true when deleted, false when absent ({@code ESRCH}, or {@code ENODEV} for a gone interface) */
    boolean ensureRouteAbsent(Route route);

    /** Routes of {@code family} in {@code table}; table 0 means all tables. */
    List<Route> routes(IpFamily family, int table);

    /** Adds {@code rule}; fails with {@code EEXIST} when an identical rule exists. */
    void addRule(Rule rule);

    /** Deletes the first rule matching {@code rule}'s selectors; fails with {@code ENOENT} when none does. */
    void deleteRule(Rule rule);

    /** @return true when added, false when it existed ({@code EEXIST}) */
    boolean ensureRulePresent(Rule rule);

    /** @return true when deleted, false when absent ({@code ENOENT}) */
    boolean ensureRuleAbsent(Rule rule);

    /** The rules of {@code family}, in priority order. */
    List<Rule> rules(IpFamily family);
}
