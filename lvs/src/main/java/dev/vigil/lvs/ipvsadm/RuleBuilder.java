package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.Protocol;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.ipvs.SyncState;
import dev.vigil.kernel.ipvs.Timeouts;
import dev.vigil.kernel.ipvs.TunnelType;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.lvs.ipvsadm.Option.*;
import static dev.vigil.lvs.ipvsadm.RuleValues.*;

/** Turns the options of one parsed line into an {@link IpvsOp}, with ipvsadm's defaults and checks. */
final class RuleBuilder {
    private static final int MAX_PERSISTENCE = 31 * 24 * 3600;

    private final Option command;
    private final Map<Option, List<String>> values;
    private final ServiceKeyMemo memo;

    RuleBuilder(Option command, Map<Option, List<String>> values, ServiceKeyMemo memo) {
        this.command = command;
        this.values = values;
        this.memo = memo;
    }

    private boolean has(Option o) {
        return values.containsKey(o);
    }

    private String value(Option o) {
        List<String> v = values.get(o);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    IpvsOp build() {
        return switch (command) {
            case ADD_SERVICE -> new IpvsOp.AddService(service());
            case EDIT_SERVICE -> new IpvsOp.EditService(service());
            case DELETE_SERVICE -> new IpvsOp.DeleteService(serviceKey(true));
            case ADD_SERVER, EDIT_SERVER, DELETE_SERVER -> destinationOp(serviceKey(true));
            case CLEAR -> new IpvsOp.Flush();
            case ZERO -> new IpvsOp.Zero(serviceKey(false));
            case SET -> new IpvsOp.SetTimeouts(timeouts());
            case START_DAEMON -> new IpvsOp.StartDaemon(daemon());
            case STOP_DAEMON -> new IpvsOp.StopDaemon(state(value(STOP_DAEMON), "stop-daemon"));
            default -> throw new BadRuleException("the '" + command.label + "' command is not allowed in rules");
        };
    }

    private IpvsOp destinationOp(ServiceKey svc) {
        Destination d = destination(svc);
        return switch (command) {
            case ADD_SERVER -> new IpvsOp.AddDestination(svc, d);
            case EDIT_SERVER -> new IpvsOp.EditDestination(svc, d);
            default -> new IpvsOp.DeleteDestination(svc, d);
        };
    }

    /** The service the line names; {@code null} when not {@code required} and absent. */
    private ServiceKey serviceKey(boolean required) {
        if (has(FWMARK)) {
            long mark = number(value(FWMARK), 1, 0xffffffffL, "invalid fwmark value `" + value(FWMARK) + "' specified");
            return ServiceKey.fwmark(has(IPV6) ? IpFamily.V6 : IpFamily.V4, (int) mark);
        }
        if (has(IPV6)) {
            throw new BadRuleException("-6 is only valid with -f (--fwmark-service)");
        }
        Protocol p = has(TCP) ? Protocol.TCP : has(UDP) ? Protocol.UDP : has(SCTP) ? Protocol.SCTP : null;
        if (p == null) {
            if (required) {
                throw new BadRuleException("no virtual service given (-t, -u, --sctp-service or -f)");
            }
            return null;
        }
        Option o = p == Protocol.TCP ? TCP : p == Protocol.UDP ? UDP : SCTP;
        String s = value(o);
        ServiceKey.Inet key = memo.get(o, s);
        if (key == null) {
            HostPort hp = hostPort(s, "illegal virtual server address[:port] specified");
            key = new ServiceKey.Inet(p, hp.address(), Math.max(hp.port(), 0));
            memo.put(o, s, key);
        }
        return key;
    }

    private Service service() {
        ServiceKey key = serviceKey(true);
        String sched = has(SCHEDULER) ? value(SCHEDULER) : Service.DEFAULT_SCHEDULER;
        checkName(sched, "scheduler");
        Set<ServiceFlag> flags = schedFlags(sched);
        int timeout = 0;
        if (has(PERSISTENT)) {
            flags.add(ServiceFlag.PERSISTENT);
            String t = value(PERSISTENT);
            timeout = t == null ? Service.DEFAULT_PERSISTENCE_TIMEOUT
                    : (int) number(t, 1, MAX_PERSISTENCE, "invalid timeout value `" + t + "' specified");
        }
        if (has(OPS)) {
            if (!(key instanceof ServiceKey.Fwmark) && ((ServiceKey.Inet) key).protocol() != Protocol.UDP) {
                throw new BadRuleException("One-Packet Scheduling is only for UDP virtual services");
            }
            flags.add(ServiceFlag.ONEPACKET);
        }
        if (key instanceof ServiceKey.Inet k && k.port() == 0 && !has(PERSISTENT)) {
            throw new BadRuleException("Zero port specified for non-persistent service");
        }
        String pe = value(PE);
        if (pe != null) {
            checkName(pe, "persistence engine");
        }
        return new Service(key, sched, flags, timeout, netmask(key.family()), pe, dev.vigil.kernel.ipvs.Stats.ZERO);
    }

    private int netmask(IpFamily family) {
        String m = value(NETMASK);
        if (m == null) {
            return Service.defaultNetmask(family);
        }
        if (family == IpFamily.V6) {
            return (int) number(m, 1, 128, "illegal ipv6 netmask specified");
        }
        Long mask = inetAton(m);
        if (mask == null) {
            throw new BadRuleException("illegal virtual server persistent mask specified");
        }
        return (int) (long) mask;
    }

    private Set<ServiceFlag> schedFlags(String sched) {
        Set<ServiceFlag> flags = EnumSet.noneOf(ServiceFlag.class);
        if (!has(SCHED_FLAGS)) {
            return flags;
        }
        for (String name : value(SCHED_FLAGS).split(",", -1)) {
            ServiceFlag f = switch (name) {
                case "flag-1", "sh-fallback", "mh-fallback" -> ServiceFlag.SCHED1;
                case "flag-2", "sh-port", "mh-port" -> ServiceFlag.SCHED2;
                case "flag-3" -> ServiceFlag.SCHED3;
                default -> throw new BadRuleException("invalid scheduler flag `" + name + "'");
            };
            if ((name.startsWith("sh-") || name.startsWith("mh-")) && !name.startsWith(sched + "-")) {
                throw new BadRuleException("incompatible scheduler flag `" + name + "'");
            }
            flags.add(f);
        }
        return flags;
    }

    private Destination destination(ServiceKey svc) {
        if (!has(REAL_SERVER)) {
            throw new BadRuleException("no real server given (-r)");
        }
        HostPort hp = hostPort(value(REAL_SERVER), "illegal real server address[:port] specified");
        ForwardMethod fwd = has(MASQUERADING) ? ForwardMethod.NAT : has(IPIP) ? ForwardMethod.TUNNEL
                : ForwardMethod.DIRECT_ROUTE;
        // Only NAT can change the port: like ipvsadm, a direct-routing or tunnelled real server of
        // an address:port service gets the service's port whatever the rule says.
        int port = svc instanceof ServiceKey.Inet k && (hp.port() < 0 || fwd != ForwardMethod.NAT) ? k.port()
                : Math.max(hp.port(), 0);
        if (IpFamily.of(hp.address()) != svc.family() && fwd != ForwardMethod.TUNNEL) {
            throw new BadRuleException("Different address family is allowed only for tunneling servers");
        }
        int weight = has(WEIGHT) ? (int) number(value(WEIGHT), 0, Integer.MAX_VALUE, "illegal weight specified") : 1;
        int upper = has(U_THRESHOLD)
                ? (int) number(value(U_THRESHOLD), 0, Integer.MAX_VALUE, "illegal u_threshold specified") : 0;
        int lower = has(L_THRESHOLD)
                ? (int) number(value(L_THRESHOLD), 0, Integer.MAX_VALUE, "illegal l_threshold specified") : 0;
        Destination d = Destination.of(hp.address(), port, fwd, weight).withThresholds(upper, lower);
        return tunnel(d, fwd);
    }

    private Destination tunnel(Destination d, ForwardMethod fwd) {
        boolean any = has(TUN_TYPE) || has(TUN_PORT) || has(TUN_NOCSUM) || has(TUN_CSUM) || has(TUN_REMCSUM);
        if (!any) {
            return d;
        }
        if (fwd != ForwardMethod.TUNNEL) {
            throw new BadRuleException("Tunnel options conflict with forward method");
        }
        TunnelType type = TunnelType.IPIP;
        if (has(TUN_TYPE)) {
            type = switch (value(TUN_TYPE)) {
                case "ipip" -> TunnelType.IPIP;
                case "gue" -> TunnelType.GUE;
                case "gre" -> TunnelType.GRE;
                default -> throw new BadRuleException("illegal tunnel type specified");
            };
        }
        int port = has(TUN_PORT) ? (int) number(value(TUN_PORT), 1, 65535, "illegal tunnel port specified") : 0;
        checkTunnel(type);
        int flags = has(TUN_CSUM) ? IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM
                : has(TUN_REMCSUM) ? IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM : IpvsConstants.TUNNEL_ENCAP_FLAG_NOCSUM;
        return d.withTunnel(type, port, flags);
    }

    private void checkTunnel(TunnelType type) {
        String t = type.label();
        List<Option> illegal = switch (type) {
            case IPIP -> List.of(TUN_PORT, TUN_NOCSUM, TUN_CSUM, TUN_REMCSUM);
            case GRE -> List.of(TUN_PORT, TUN_REMCSUM);
            case GUE -> List.of();
        };
        for (Option o : illegal) {
            if (has(o)) {
                throw new BadRuleException("Illegal '" + o.label + "' option with the '" + t + "' tunnel type");
            }
        }
        if (type == TunnelType.GUE && !has(TUN_PORT)) {
            throw new BadRuleException("You need to supply the 'tun-port' option for the 'gue' tunnel type");
        }
        Option[] csum = {TUN_NOCSUM, TUN_CSUM, TUN_REMCSUM};
        for (int i = 0; i < csum.length; i++) {
            for (int j = i + 1; j < csum.length; j++) {
                if (has(csum[i]) && has(csum[j])) {
                    throw new BadRuleException("The option '" + csum[j].label + "' conflicts with the '"
                            + csum[i].label + "' option in the '" + t + "' tunnel type");
                }
            }
        }
    }

    private Timeouts timeouts() {
        List<String> v = values.get(SET);
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            t[i] = (int) number(v.get(i), 0, Integer.MAX_VALUE, "illegal timeout value `" + v.get(i) + "' specified");
        }
        return new Timeouts(t[0], t[1], t[2]);
    }

    private SyncDaemon daemon() {
        SyncState state = state(value(START_DAEMON), "start-daemon");
        String ifname = value(MCAST_INTERFACE);
        if (ifname == null) {
            throw new BadRuleException("--start-daemon needs --mcast-interface");
        }
        checkName(ifname, "interface");
        int syncId = has(SYNCID) ? (int) number(value(SYNCID), 0, 255, "illegal syncid specified") : 0;
        int maxLen = has(SYNC_MAXLEN)
                ? (int) number(value(SYNC_MAXLEN), 1, 65535 - 20 - 8, "illegal sync-maxlen specified") : 0;
        InetAddress group = null;
        if (has(MCAST_GROUP)) {
            group = dev.vigil.kernel.ipvs.IpAddresses.parse(value(MCAST_GROUP));
            if (group == null || !group.isMulticastAddress()) {
                throw new BadRuleException("illegal mcast-group specified");
            }
        }
        int port = has(MCAST_PORT) ? (int) number(value(MCAST_PORT), 1, 65535, "illegal mcast-port specified") : 0;
        int ttl = has(MCAST_TTL) ? (int) number(value(MCAST_TTL), 1, 255, "illegal mcast-ttl specified") : 0;
        return new SyncDaemon(state, ifname, syncId, maxLen, group, port, ttl);
    }

    private static SyncState state(String s, String what) {
        return switch (s) {
            case "master" -> SyncState.MASTER;
            case "backup" -> SyncState.BACKUP;
            default -> throw new BadRuleException("illegal " + what + " parameter specified");
        };
    }
}
