package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NlMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link RouteTable} over rtnetlink. Listing filters by table in Java as well, because the
 * kernel only filters dumps on sockets with strict checking enabled.
 */
public final class NetlinkRouteTable implements RouteTable, AutoCloseable {
    private final NetlinkClient client;
    private final boolean ownsClient;

    /** Uses {@code client} (an rtnetlink client), which the caller closes. */
    public NetlinkRouteTable(NetlinkClient client) {
        this(client, false);
    }

    private NetlinkRouteTable(NetlinkClient client, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
    }

    /** Opens its own rtnetlink socket in the calling thread's network namespace. */
    public static NetlinkRouteTable open() {
        return new NetlinkRouteTable(NetlinkClient.open(Netlink.NETLINK_ROUTE), true);
    }

    @Override
    public void addRoute(Route route) {
        KernelCalls.call(client, RouteCodec.add(route));
    }

    @Override
    public void deleteRoute(Route route) {
        KernelCalls.call(client, RouteCodec.delete(route));
    }

    @Override
    public boolean ensureRoutePresent(Route route) {
        return KernelCalls.call(client, RouteCodec.add(route), Errno.EEXIST);
    }

    @Override
    public boolean ensureRouteAbsent(Route route) {
        return KernelCalls.call(client, RouteCodec.delete(route), Errno.ESRCH, Errno.ENODEV);
    }

    @Override
    public List<Route> routes(IpFamily family, int table) {
        List<Route> out = new ArrayList<>();
        for (NlMessage m : client.dump(RouteCodec.dump(family, table))) {
            Route r = m.type() == Rtnl.RTM_NEWROUTE ? RouteCodec.decode(m) : null;
            if (r != null && r.family() == family && (table == 0 || r.table() == table)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void addRule(Rule rule) {
        KernelCalls.call(client, RuleCodec.add(rule));
    }

    @Override
    public void deleteRule(Rule rule) {
        KernelCalls.call(client, RuleCodec.delete(rule));
    }

    @Override
    public boolean ensureRulePresent(Rule rule) {
        return KernelCalls.call(client, RuleCodec.add(rule), Errno.EEXIST);
    }

    @Override
    public boolean ensureRuleAbsent(Rule rule) {
        return KernelCalls.call(client, RuleCodec.delete(rule), Errno.ENOENT);
    }

    @Override
    public List<Rule> rules(IpFamily family) {
        List<Rule> out = new ArrayList<>();
        for (NlMessage m : client.dump(RuleCodec.dump(family))) {
            Rule r = m.type() == Rtnl.RTM_NEWRULE ? RuleCodec.decode(m) : null;
            if (r != null && r.family() == family) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
