package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.nio.ByteBuffer;

/**
 * Encodes {@code RTM_GETLINK}, macvlan {@code RTM_NEWLINK}, up/down and {@code RTM_DELLINK} requests and decodes {@code RTM_NEWLINK}/{@code RTM_DELLINK}
 * (dump replies and notifications). The body is {@code struct ifinfomsg} then attributes.
 */
public final class LinkCodec {
    private static final byte[] MACVLAN = "macvlan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private LinkCodec() {
    }

    /** Dump of all links, as {@code ip addr show} asks for them. */
    public static NlRequest dump() {
        return ifinfomsg(0).u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_VF).request("RTM_GETLINK", Rtnl.RTM_GETLINK, 0);
    }

    /** One link by index, without statistics. */
    public static NlRequest get(int index) {
        return ifinfomsg(index).u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_VF | Rtnl.RTEXT_FILTER_SKIP_STATS)
                .request("RTM_GETLINK #" + index, Rtnl.RTM_GETLINK, 0);
    }

    /** One link by name, without statistics (as iproute2 resolves {@code dev NAME}). */
    public static NlRequest get(String name) {
        return ifinfomsg(0).u32(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_VF | Rtnl.RTEXT_FILTER_SKIP_STATS)
                .string(Rtnl.IFLA_IFNAME, name).request("RTM_GETLINK " + name, Rtnl.RTM_GETLINK, 0);
    }

    /**
     * {@code ip link add link BASE name NAME address MAC type macvlan mode MODE}: attributes in
     * iproute2's order; fails with EEXIST when the name is taken ({@code NLM_F_CREATE | NLM_F_EXCL}).
     */
    public static NlRequest addMacvlan(Macvlan m) {
        NlEncoder e = ifinfomsg(0).bytes(Rtnl.IFLA_ADDRESS, m.mac().bytes()).u32(Rtnl.IFLA_LINK, m.baseIndex())
                .string(Rtnl.IFLA_IFNAME, m.name());
        int info = e.beginNestedPlain(Rtnl.IFLA_LINKINFO);
        e.bytes(Rtnl.IFLA_INFO_KIND, MACVLAN); // without the NUL, as iproute2 sends it
        int data = e.beginNestedPlain(Rtnl.IFLA_INFO_DATA);
        e.u32(Rtnl.IFLA_MACVLAN_MODE, m.mode().value());
        e.endNested(data).endNested(info);
        return e.request("RTM_NEWLINK macvlan " + m.name() + " link dev #" + m.baseIndex(), Rtnl.RTM_NEWLINK,
                Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    }

    /** {@code ip link set dev #index up|down}: changes only {@code IFF_UP}. */
    public static NlRequest setUp(int index, boolean up) {
        NlEncoder e = new NlEncoder().putU8(Rtnl.AF_UNSPEC).putU8(0).putU16(0).putU32(index)
                .putU32(up ? Rtnl.IFF_UP : 0).putU32(Rtnl.IFF_UP);
        return e.request("RTM_NEWLINK dev #" + index + (up ? " up" : " down"), Rtnl.RTM_NEWLINK, 0);
    }

    /** {@code ip link del dev #index}. */
    public static NlRequest delete(int index) {
        return ifinfomsg(index).request("RTM_DELLINK dev #" + index, Rtnl.RTM_DELLINK, 0);
    }

    private static NlEncoder ifinfomsg(int index) {
        // family, pad, type, index, flags, change
        return new NlEncoder().putU8(Rtnl.AF_UNSPEC).putU8(0).putU16(0).putU32(index).putU32(0).putU32(0);
    }

    /**
     * Decodes an {@code RTM_NEWLINK}/{@code RTM_DELLINK} message. Returns {@code null} for
     * messages of a family other than {@code AF_UNSPEC} (e.g. {@code AF_BRIDGE} port
     * notifications, which describe bridge membership, not the link itself).
     */
    public static Link decode(NlMessage m) {
        ByteBuffer p = m.payload();
        if ((p.get(0) & 0xff) != Rtnl.AF_UNSPEC) {
            return null;
        }
        int index = p.getInt(4);
        int flags = p.getInt(8);
        Attrs at = m.attrs(Rtnl.IFINFOMSG_LEN);
        String name = at.string(Rtnl.IFLA_IFNAME);
        boolean carrier = at.has(Rtnl.IFLA_CARRIER) ? at.u8(Rtnl.IFLA_CARRIER) != 0 : (flags & Rtnl.IFF_LOWER_UP) != 0;
        OperState oper = OperState.of(at.u8(Rtnl.IFLA_OPERSTATE, 0));
        Attrs info = at.nested(Rtnl.IFLA_LINKINFO);
        String kind = info == null ? null : info.string(Rtnl.IFLA_INFO_KIND);
        return new Link(index, name == null ? "" : name, flags, carrier, oper, at.u32(Rtnl.IFLA_MTU, 0),
                Link.formatMac(at.bytes(Rtnl.IFLA_ADDRESS)), kind, at.u32(Rtnl.IFLA_MASTER, 0));
    }
}
