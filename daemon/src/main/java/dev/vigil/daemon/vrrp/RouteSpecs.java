package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.rtnl.IpPrefix;
import dev.vigil.kernel.rtnl.Route;
import dev.vigil.kernel.rtnl.RouteType;
import dev.vigil.kernel.rtnl.Rule;
import dev.vigil.kernel.rtnl.RuleAction;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Turns configured {@code virtual_routes} / {@code virtual_rules} into the kernel's routes and rules. */
final class RouteSpecs {
    private final ToIntFunction<String> ifindex;
    private final String instance;

    RouteSpecs(ToIntFunction<String> ifindex, String instance) {
        this.ifindex = ifindex;
        this.instance = instance;
    }

    List<Route> routes(List<dev.vigil.conf.model.Route> routes) {
        return routes.stream().map(this::route).toList();
    }

    List<Rule> rules(List<dev.vigil.conf.model.Rule> rules, IpFamily instanceFamily) {
        return rules.stream().map(r -> rule(r, instanceFamily)).toList();
    }

    private Route route(dev.vigil.conf.model.Route r) {
        Route.Builder b = Route.to(prefix(r.to()));
        if (r.type() != null) {
            b.type(RouteType.valueOf(r.type().toUpperCase(Locale.ROOT)));
        }
        if (r.via() != null) {
            b.via(InstanceSpecs.inet(r.via()));
        }
        if (r.src() != null) {
            b.src(InstanceSpecs.inet(r.src()));
        }
        if (r.dev() != null) {
            int index = ifindex.applyAsInt(r.dev());
            if (index <= 0) {
                throw new IllegalArgumentException("vrrp_instance " + instance + ": route " + r.to() + " names interface "
                        + r.dev() + ", which does not exist");
            }
            b.dev(index);
        }
        if (r.scope() != null) {
            b.scope(KernelNames.scope(r.scope()));
        }
        if (r.metric() != null) {
            b.metric((int) (long) r.metric());
        }
        return b.table(KernelNames.table(r.table())).protocol(KernelNames.protocol(r.protocol())).build();
    }

    private Rule rule(dev.vigil.conf.model.Rule r, IpFamily instanceFamily) {
        IpFamily family = r.from() != null ? prefix(r.from()).family()
                : r.to() != null ? prefix(r.to()).family() : instanceFamily;
        Rule.Builder b = Rule.builder(family);
        if (r.from() != null) {
            b.from(prefix(r.from()));
        }
        if (r.to() != null) {
            b.to(prefix(r.to()));
        }
        if (r.preference() != null) {
            b.priority((int) (long) r.preference());
        }
        if (r.iif() != null) {
            b.iif(r.iif());
        }
        if (r.oif() != null) {
            b.oif(r.oif());
        }
        if (r.fwmark() != null) {
            String[] m = r.fwmark().split("/");
            b.fwmark(Integer.decode(m[0]), m.length > 1 ? Integer.decode(m[1]) : -1);
        }
        if (r.action() != null) {
            b.action(RuleAction.valueOf(r.action().toUpperCase(Locale.ROOT)));
        }
        if (r.table() != null) {
            b.table(KernelNames.table(r.table()));
        }
        return b.build();
    }

    private static IpPrefix prefix(dev.vigil.conf.model.IpPrefix p) {
        InetAddress a = InstanceSpecs.inet(p.address());
        return new IpPrefix(a, p.length() != null ? p.length() : IpFamily.of(a).maxPrefix());
    }
}
