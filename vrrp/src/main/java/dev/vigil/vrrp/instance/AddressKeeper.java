package dev.vigil.vrrp.instance;

import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.Route;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.rtnl.Rule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an instance's virtual addresses, routes and rules in place while it is master and takes
 * them away when it is not (RFC 5798 section 6.4.3 / 6.4.2). A failure of one address is logged
 * and counted; the others still go in, and mastership is kept.
 */
final class AddressKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(AddressKeeper.class);

    private final String instance;
    private final AddressTable addresses;
    private final RouteTable routes;
    private final InstanceCounters counters;

    AddressKeeper(String instance, AddressTable addresses, RouteTable routes, InstanceCounters counters) {
        this.instance = instance;
        this.addresses = addresses;
        this.routes = routes;
        this.counters = counters;
    }

    /** Adds addresses first, then routes (which may need them), then rules. */
    void install(List<Vip> vips, List<Route> rs, List<Rule> rules) {
        for (Vip v : vips) {
            apply("add address " + v, () -> addresses.ensurePresent(v.address()));
        }
        for (Route r : rs) {
            apply("add route " + r, () -> routes.ensureRoutePresent(r));
        }
        for (Rule r : rules) {
            apply("add rule " + r, () -> routes.ensureRulePresent(r));
        }
    }

    /** Removes in the reverse order of {@link #install}. */
    void remove(List<Vip> vips, List<Route> rs, List<Rule> rules) {
        for (Rule r : rules) {
            apply("remove rule " + r, () -> routes.ensureRuleAbsent(r));
        }
        for (Route r : rs) {
            apply("remove route " + r, () -> routes.ensureRouteAbsent(r));
        }
        for (Vip v : vips) {
            apply("remove address " + v, () -> addresses.ensureAbsent(v.address()));
        }
    }

    private void apply(String what, Runnable op) {
        try {
            op.run();
        } catch (RuntimeException e) {
            counters.addressErrors++;
            LOG.error("({}) cannot {}: {}", instance, what, e.getMessage());
        }
    }
}
