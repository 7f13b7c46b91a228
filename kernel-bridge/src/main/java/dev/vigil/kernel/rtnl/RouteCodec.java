package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Encodes {@code RTM_NEWROUTE}/{@code RTM_DELROUTE}/{@code RTM_GETROUTE} and decodes route
 * messages. The body is {@code struct rtmsg} then attributes, in the order iproute2 sends them;
 * tables above 255 go in {@code RTA_TABLE} with {@code rtm_table = RT_TABLE_UNSPEC}.
 */
public final class RouteCodec {
    private RouteCodec() {
    }

    /** {@code ip route add}: fails with EEXIST when present ({@code NLM_F_CREATE | NLM_F_EXCL}). */
    public static NlRequest add(Route r) {
        NlEncoder e = rtmsg(r.family(), r.dst().length(), r.table(), r.protocol(), r.scope().value(), r.type().value());
        return attrs(e, r).request("RTM_NEWROUTE " + r, Rtnl.RTM_NEWROUTE, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    }

    /**
     * {@code ip route del}: protocol and scope are left open ({@code RTPROT_UNSPEC},
     * {@code RT_SCOPE_NOWHERE}) and so is the type of a unicast route, as iproute2 does.
     */
    public static NlRequest delete(Route r) {
        int type = r.type() == RouteType.UNICAST ? RouteType.UNSPEC.value() : r.type().value();
        NlEncoder e = rtmsg(r.family(), r.dst().length(), r.table(), Rtnl.RTPROT_UNSPEC, Scope.NOWHERE.value(), type);
        return attrs(e, r).request("RTM_DELROUTE " + r, Rtnl.RTM_DELROUTE, 0);
    }

    /** Dump of the routes of {@code family}, asking the kernel to filter {@code table} (0: all). */
    public static NlRequest dump(IpFamily family, int table) {
        NlEncoder e = rtmsg(family, 0, 0, 0, 0, 0);
        if (table != 0) {
            e.u32(Rtnl.RTA_TABLE, table);
        }
        return e.request("RTM_GETROUTE", Rtnl.RTM_GETROUTE, 0);
    }

    private static NlEncoder rtmsg(IpFamily f, int dstLen, int table, int protocol, int scope, int type) {
        return new NlEncoder().putU8(f.af()).putU8(dstLen).putU8(0).putU8(0)
                .putU8(Rtnl.tableByte(table)).putU8(protocol).putU8(scope).putU8(type).putU32(0);
    }

    private static NlEncoder attrs(NlEncoder e, Route r) {
        if (r.dst().length() > 0) {
            e.address(Rtnl.RTA_DST, r.dst().address());
        }
        if (r.gateway() != null) {
            e.address(Rtnl.RTA_GATEWAY, r.gateway());
        }
        if (r.prefSrc() != null) {
            e.address(Rtnl.RTA_PREFSRC, r.prefSrc());
        }
        if (Rtnl.tableByte(r.table()) != r.table()) {
            e.u32(Rtnl.RTA_TABLE, r.table());
        }
        if (r.metric() != 0) {
            e.u32(Rtnl.RTA_PRIORITY, r.metric());
        }
        if (r.ifindex() != 0) {
            e.u32(Rtnl.RTA_OIF, r.ifindex());
        }
        return e;
    }

    /**
     * Decodes an {@code RTM_NEWROUTE}/{@code RTM_DELROUTE} message; {@code null} for families
     * other than IPv4/IPv6. Multipath routes are decoded without their next hops.
     */
    public static Route decode(NlMessage m) {
        ByteBuffer p = m.payload();
        int af = p.get(0) & 0xff;
        if (af != Rtnl.AF_INET && af != Rtnl.AF_INET6) {
            return null;
        }
        IpFamily f = IpFamily.ofAf(af);
        int len = f.addressLength();
        Attrs at = m.attrs(Rtnl.RTMSG_LEN);
        InetAddress dst = at.has(Rtnl.RTA_DST) ? at.address(Rtnl.RTA_DST, len) : Addresses.zero(f);
        int table = at.u32(Rtnl.RTA_TABLE, p.get(4) & 0xff);
        return new Route(new IpPrefix(dst, p.get(1) & 0xff), at.address(Rtnl.RTA_GATEWAY, len),
                at.u32(Rtnl.RTA_OIF, 0), at.address(Rtnl.RTA_PREFSRC, len), table, at.u32(Rtnl.RTA_PRIORITY, 0),
                Scope.of(p.get(6) & 0xff), p.get(5) & 0xff, RouteType.of(p.get(7) & 0xff));
    }
}
