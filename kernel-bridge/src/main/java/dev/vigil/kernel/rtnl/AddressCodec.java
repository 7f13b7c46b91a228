package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Encodes {@code RTM_NEWADDR}/{@code RTM_DELADDR}/{@code RTM_GETADDR} and decodes address
 * messages (dump replies and notifications). The body is {@code struct ifaddrmsg} then
 * attributes, in the order iproute2 sends them.
 */
public final class AddressCodec {
    /** Flags a request may carry; the kernel sets the others itself. */
    private static final int REQUEST_FLAGS = AddressFlag.toBits(Set.of(AddressFlag.NODAD, AddressFlag.OPTIMISTIC,
            AddressFlag.HOMEADDRESS, AddressFlag.MANAGETEMPADDR, AddressFlag.NOPREFIXROUTE, AddressFlag.MCAUTOJOIN));

    private AddressCodec() {
    }

    /** {@code ip addr add}: fails with EEXIST when present ({@code NLM_F_CREATE | NLM_F_EXCL}). */
    public static NlRequest add(IfAddress a) {
        int flags = AddressFlag.toBits(a.flags()) & REQUEST_FLAGS;
        NlEncoder e = header(a, flags <= 0xff ? flags : 0, a.scope().value());
        e.address(Rtnl.IFA_LOCAL, a.address());
        if (a.broadcast() != null) {
            e.address(Rtnl.IFA_BROADCAST, a.broadcast());
        }
        if (a.label() != null) {
            e.string(Rtnl.IFA_LABEL, a.label());
        }
        if (flags > 0xff) {
            e.u32(Rtnl.IFA_FLAGS, flags);
        }
        e.address(Rtnl.IFA_ADDRESS, a.address());
        return e.request(describe("RTM_NEWADDR", a, null), Rtnl.RTM_NEWADDR,
                Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    }

    /** {@code ip addr del}: matches interface, address and prefix length. */
    public static NlRequest delete(IfAddress a) {
        return header(a, 0, 0).address(Rtnl.IFA_LOCAL, a.address()).address(Rtnl.IFA_ADDRESS, a.address())
                .request(describe("RTM_DELADDR", a, null), Rtnl.RTM_DELADDR, 0);
    }

    /** Dump of all addresses of all families. */
    public static NlRequest dump() {
        return new NlEncoder().putU8(Rtnl.AF_UNSPEC).putU8(0).putU8(0).putU8(0).putU32(0)
                .request("RTM_GETADDR", Rtnl.RTM_GETADDR, 0);
    }

    private static NlEncoder header(IfAddress a, int flags, int scope) {
        return new NlEncoder().putU8(a.family().af()).putU8(a.prefixLength()).putU8(flags).putU8(scope)
                .putU32(a.ifindex());
    }

    /** An operation name for errors: {@code RTM_NEWADDR 10.0.0.1/24 dev eth0} ({@code dev #3} without a name). */
    public static String describe(String op, IfAddress a, String devName) {
        return op + " " + a.cidr() + " dev " + (devName == null ? "#" + a.ifindex() : devName);
    }

    /**
     * Decodes an {@code RTM_NEWADDR}/{@code RTM_DELADDR} message; {@code null} for families other
     * than IPv4 and IPv6.
     */
    public static IfAddress decode(NlMessage m) {
        ByteBuffer p = m.payload();
        int af = p.get(0) & 0xff;
        if (af != Rtnl.AF_INET && af != Rtnl.AF_INET6) {
            return null;
        }
        int prefix = p.get(1) & 0xff;
        int headerFlags = p.get(2) & 0xff;
        Scope scope = Scope.of(p.get(3) & 0xff);
        int index = p.getInt(4);
        Attrs at = m.attrs(Rtnl.IFADDRMSG_LEN);
        int len = af == Rtnl.AF_INET ? 4 : 16;
        InetAddress local = at.has(Rtnl.IFA_LOCAL) ? at.address(Rtnl.IFA_LOCAL, len) : at.address(Rtnl.IFA_ADDRESS, len);
        InetAddress brd = af == Rtnl.AF_INET ? at.address(Rtnl.IFA_BROADCAST, len) : null;
        String label = af == Rtnl.AF_INET ? at.string(Rtnl.IFA_LABEL) : null;
        int flags = at.u32(Rtnl.IFA_FLAGS, headerFlags);
        return new IfAddress(index, local, prefix, label, scope, brd, AddressFlag.fromBits(flags));
    }
}
