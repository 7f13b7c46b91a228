package dev.vigil.vrrp.instance;

import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.Route;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.rtnl.Rule;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an instance's virtual addresses, routes and rules in place while it is master and takes
 * them away when it is not (RFC 5798 section 6.4.3 / 6.4.2). A failure of one address is logged
 * and counted; the others still go in, and mastership is kept. Addresses go into the kernel's
 * address table (recorded before they are added, forgotten after they are removed) unless a
 * {@link VipPort} places them, in which case they are handed to it and this returns at once.
 */
final class AddressKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(AddressKeeper.class);

    private final String instance;
    private final AddressTable addresses;
    private final RouteTable routes;
    private final InstanceCounters counters;
    private final VipPort port;
    private final AddressRecord record;

    AddressKeeper(String instance, AddressTable addresses, RouteTable routes, InstanceCounters counters) {
        this(instance, addresses, routes, counters, null, AddressRecord.NONE);
    }

    /** @param port where addresses go instead of {@code addresses}, or null */
    AddressKeeper(String instance, AddressTable addresses, RouteTable routes, InstanceCounters counters, VipPort port,
                  AddressRecord record) {
        this.instance = instance;
        this.addresses = addresses;
        this.routes = routes;
        this.counters = counters;
        this.port = port;
        this.record = record;
    }

    /** Adds addresses first, then routes (which may need them), then rules. */
    void install(List<Vip> vips, List<Route> rs, List<Rule> rules) {
        if (port != null) {
            if (!vips.isEmpty()) {
                port.add(instance, vips);
            }
        } else if (!vips.isEmpty()) {
            record.adding(instance, vips);
            for (Vip v : vips) {
                apply("add address " + v, () -> addresses.ensurePresent(v.address()));
            }
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
        if (port != null) {
            if (!vips.isEmpty()) {
                port.remove(instance, vips);
            }
            return;
        }
        List<Vip> gone = new ArrayList<>(vips.size());
        for (Vip v : vips) {
            if (apply("remove address " + v, () -> addresses.ensureAbsent(v.address()))) {
                gone.add(v);
            }
        }
        if (!gone.isEmpty()) {
            record.removed(instance, gone);
        }
    }

    /** Runs {@code op}; false (logged and counted) when it failed. */
    private boolean apply(String what, Runnable op) {
        try {
            op.run();
            return true;
        } catch (RuntimeException e) {
            counters.addressErrors++;
            LOG.error("({}) cannot {}: {}", instance, what, e.getMessage());
            return false;
        }
    }
}
