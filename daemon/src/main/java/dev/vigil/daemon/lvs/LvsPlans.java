package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.Timeouts;
import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.lvs.engine.LvsSpec;
import dev.vigil.lvs.engine.RealServerPlan;
import dev.vigil.lvs.engine.VirtualServerPlan;
import dev.vigil.lvs.vs.RealServerSpec;
import dev.vigil.lvs.vs.VirtualServerSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration's virtual servers as the LVS engine's {@link LvsSpec}, with keepalived's
 * defaults: a real server's port and forwarding method are the virtual server's when unset, its
 * inhibit_on_failure the virtual server's; the sorry server has weight 1. Like keepalived, a fwmark
 * virtual server's real and sorry servers get port 0 in IPVS (with a warning when a port was written);
 * their checkers still connect to the configured port.
 */
public final class LvsPlans {
    private static final Logger LOG = LoggerFactory.getLogger(LvsPlans.class);

    private LvsPlans() {
    }

    public static LvsSpec of(VigilConfig config) {
        List<VirtualServerPlan> plans = new ArrayList<>();
        for (VirtualServer vs : config.virtualServer()) {
            plans.add(plan(vs, config));
        }
        GlobalDefs g = config.globalDefs();
        Optional<Timeouts> timeouts = Optional.ofNullable(g.lvsTimeouts()).map(t -> new Timeouts(zeroIfNull(t.tcp()),
                zeroIfNull(t.tcpfin()), zeroIfNull(t.udp())));
        return new LvsSpec(plans, timeouts, g.lvsFlush(), g.lvsFlushOnstop());
    }

    private static int zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }

    private static VirtualServerPlan plan(VirtualServer vs, VigilConfig config) {
        List<Service> services = Services.of(vs, config);
        List<RealServerSpec> specs = new ArrayList<>();
        List<RealServerPlan> rsPlans = new ArrayList<>();
        int vsPort = vs.port() == null ? 0 : vs.port();
        for (RealServer rs : vs.realServer()) {
            int port = rs.port() == null ? vsPort : rs.port();
            ForwardMethod method = Services.forward(rs.lvsMethod() == null ? vs.lvsMethod() : rs.lvsMethod());
            InetAddress address = IpAddresses.parse(rs.ip().text());
            Destination d = Destination.of(address, ipvsPort(vs, port, "real server " + IpAddresses.withPort(address, port)),
                    method, rs.weight())
                    .withThresholds(rs.uthreshold() == null ? 0 : rs.uthreshold(), rs.lthreshold() == null ? 0 : rs.lthreshold());
            boolean inhibit = rs.inhibitOnFailure() == null ? vs.inhibitOnFailure() : rs.inhibitOnFailure();
            specs.add(new RealServerSpec(d, inhibit));
            Destination checked = Destination.of(address, port, method, rs.weight());
            List<CheckPlan> checks = rs.checkers().stream().map(c -> CheckPlans.of(c, rs, vs, checked, config.globalDefs().scriptUser())).toList();
            rsPlans.add(new RealServerPlan(checks, rs.notifyUp(), rs.notifyDown()));
        }
        Optional<Destination> sorry = Optional.ofNullable(vs.sorryServer()).map(s -> Destination.of(
                IpAddresses.parse(s.ip().text()), ipvsPort(vs, s.port() == null ? vsPort : s.port(), "sorry server"),
                Services.forward(vs.sorryServerLvsMethod() == null ? vs.lvsMethod() : vs.sorryServerLvsMethod()), 1));
        VirtualServerSpec spec = new VirtualServerSpec(services.get(0), specs, vs.alpha(), vs.quorum(), vs.hysteresis(),
                sorry, vs.sorryServerInhibit());
        return new VirtualServerPlan(Services.name(vs), spec, services, rsPlans, vs.haSuspend(), vs.omega(),
                vs.quorumUp(), vs.quorumDown());
    }

    /**
     * The port IPVS gets: {@code port}, or 0 for a fwmark virtual server, which matches packets by mark
     * and forwards them to the destination port the client used (keepalived clears the port too).
     */
    private static int ipvsPort(VirtualServer vs, int port, String what) {
        if (vs.fwmark() == null || port == 0) {
            return port;
        }
        LOG.warn("fwmark virtual server {}, {} has port specified - clearing", Services.name(vs), what);
        return 0;
    }
}
