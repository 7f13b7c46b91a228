package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.GroupMember;
import dev.vigil.conf.model.LvsMethod;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.conf.model.VirtualServerGroup;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.Protocol;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The IPVS services of a configured virtual server: keys (groups expanded), scheduler, flags, persistence. */
final class Services {
    private Services() {
    }

    static List<Service> of(VirtualServer vs, VigilConfig config) {
        List<Service> out = new ArrayList<>();
        for (ServiceKey k : keys(vs, config)) {
            out.add(settings(vs, Service.of(k, vs.lvsSched())));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("virtual server " + name(vs) + " has no address, fwmark or group members");
        }
        return out;
    }

    static String name(VirtualServer vs) {
        if (vs.group() != null) {
            return vs.group();
        }
        if (vs.fwmark() != null) {
            return "FWM " + vs.fwmark();
        }
        return vs.protocol() + " " + IpAddresses.withPort(IpAddresses.parse(vs.ip().text()), vs.port() == null ? 0 : vs.port());
    }

    private static List<ServiceKey> keys(VirtualServer vs, VigilConfig config) {
        Protocol proto = Protocol.valueOf(vs.protocol().name());
        if (vs.fwmark() != null) {
            return List.of(ServiceKey.fwmark(family(vs.ipFamily()), vs.fwmark().intValue()));
        }
        if (vs.group() == null) {
            return List.of(new ServiceKey.Inet(proto, IpAddresses.parse(vs.ip().text()), vs.port() == null ? 0 : vs.port()));
        }
        VirtualServerGroup g = config.virtualServerGroup().stream().filter(x -> x.name().equals(vs.group())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no virtual_server_group " + vs.group()));
        List<ServiceKey> keys = new ArrayList<>();
        for (GroupMember m : g.members()) {
            if (m.fwmark() != null) {
                keys.add(ServiceKey.fwmark(family(vs.ipFamily()), m.fwmark().intValue()));
            } else {
                for (InetAddress a : expand(m)) {
                    keys.add(new ServiceKey.Inet(proto, a, m.port() == null ? 0 : m.port()));
                }
            }
        }
        return keys;
    }

    /** The addresses of a range member: the last part counts up to {@code last}. */
    private static List<InetAddress> expand(GroupMember m) {
        InetAddress first = IpAddresses.parse(m.ip().first().text());
        if (m.ip().last() == null) {
            return List.of(first);
        }
        byte[] b = first.getAddress();
        int lastPart = b.length == 4 ? b[3] & 0xff : ((b[14] & 0xff) << 8) | (b[15] & 0xff);
        List<InetAddress> out = new ArrayList<>();
        for (int v = lastPart; v <= m.ip().last(); v++) {
            byte[] c = b.clone();
            if (c.length == 4) {
                c[3] = (byte) v;
            } else {
                c[14] = (byte) (v >> 8);
                c[15] = (byte) v;
            }
            try {
                out.add(InetAddress.getByAddress(c));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static IpFamily family(String ipFamily) {
        return "inet6".equals(ipFamily) ? IpFamily.V6 : IpFamily.V4;
    }

    private static Service settings(VirtualServer vs, Service s) {
        s = s.withFlag(ServiceFlag.SCHED1, vs.flag1() || vs.shFallback() || vs.mhFallback())
                .withFlag(ServiceFlag.SCHED2, vs.flag2() || vs.shPort() || vs.mhPort())
                .withFlag(ServiceFlag.SCHED3, vs.flag3()).withFlag(ServiceFlag.ONEPACKET, vs.ops());
        if (vs.persistenceTimeout() != null) {
            s = s.persistent(vs.persistenceTimeout());
        }
        if (vs.persistenceGranularity() != null) {
            s = s.withNetmask(netmask(vs.persistenceGranularity(), s.family()));
        }
        if (vs.persistenceEngine() != null) {
            s = s.withPeName(vs.persistenceEngine());
        }
        return s;
    }

    /** ipvsadm's -M: a dotted mask for IPv4, a prefix length for IPv6. */
    static int netmask(String text, IpFamily family) {
        if (family == IpFamily.V6) {
            return Integer.parseInt(text.startsWith("/") ? text.substring(1) : text);
        }
        byte[] b = IpAddresses.parse(text).getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    static ForwardMethod forward(LvsMethod m) {
        return switch (m) {
            case NAT -> ForwardMethod.NAT;
            case DR -> ForwardMethod.DIRECT_ROUTE;
            case TUN -> ForwardMethod.TUNNEL;
        };
    }
}
