package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.nio.ByteBuffer;

/**
 * Encodes {@code RTM_NEWRULE}/{@code RTM_DELRULE}/{@code RTM_GETRULE} and decodes rule
 * messages. The body is {@code struct fib_rule_hdr} then attributes in the order of an
 * {@code ip rule add from .. to .. iif .. oif .. fwmark ../.. table .. priority ..} command.
 */
public final class RuleCodec {
    private RuleCodec() {
    }

    /** {@code ip rule add}: fails with EEXIST when an identical rule exists ({@code NLM_F_EXCL}). */
    public static NlRequest add(Rule r) {
        return body(r, r.action()).request("RTM_NEWRULE " + r, Rtnl.RTM_NEWRULE,
                Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
    }

    /** {@code ip rule del}: a lookup action is left open, as iproute2 does. */
    public static NlRequest delete(Rule r) {
        RuleAction a = r.action() == RuleAction.TO_TBL ? RuleAction.UNSPEC : r.action();
        return body(r, a).request("RTM_DELRULE " + r, Rtnl.RTM_DELRULE, 0);
    }

    /** Dump of the rules of {@code family}. */
    public static NlRequest dump(IpFamily family) {
        return new NlEncoder().putU8(family.af()).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0)
                .putU32(0).request("RTM_GETRULE", Rtnl.RTM_GETRULE, 0);
    }

    private static NlEncoder body(Rule r, RuleAction action) {
        NlEncoder e = new NlEncoder().putU8(r.family().af())
                .putU8(r.to() == null ? 0 : r.to().length()).putU8(r.from() == null ? 0 : r.from().length())
                .putU8(0).putU8(Rtnl.tableByte(r.table())).putU8(0).putU8(0).putU8(action.value())
                .putU32(r.invert() ? Rtnl.FIB_RULE_INVERT : 0);
        if (r.from() != null) {
            e.address(Rtnl.FRA_SRC, r.from().address());
        }
        if (r.to() != null) {
            e.address(Rtnl.FRA_DST, r.to().address());
        }
        if (r.iif() != null) {
            e.string(Rtnl.FRA_IIFNAME, r.iif());
        }
        if (r.oif() != null) {
            e.string(Rtnl.FRA_OIFNAME, r.oif());
        }
        if (r.fwmark() != 0 || r.fwmask() != 0) {
            e.u32(Rtnl.FRA_FWMARK, r.fwmark());
            if (r.fwmask() != -1) {
                e.u32(Rtnl.FRA_FWMASK, r.fwmask());
            }
        }
        if (Rtnl.tableByte(r.table()) != r.table()) {
            e.u32(Rtnl.FRA_TABLE, r.table());
        }
        if (r.priority() != Rule.NO_PRIORITY) {
            e.u32(Rtnl.FRA_PRIORITY, r.priority());
        }
        return e;
    }

    /** Decodes an {@code RTM_NEWRULE}/{@code RTM_DELRULE} message; {@code null} for non-IP families. */
    public static Rule decode(NlMessage m) {
        ByteBuffer p = m.payload();
        int af = p.get(0) & 0xff;
        if (af != Rtnl.AF_INET && af != Rtnl.AF_INET6) {
            return null;
        }
        IpFamily f = IpFamily.ofAf(af);
        Attrs at = m.attrs(Rtnl.FIB_RULE_HDR_LEN);
        IpPrefix to = at.has(Rtnl.FRA_DST) ? new IpPrefix(at.address(Rtnl.FRA_DST, f.addressLength()), p.get(1) & 0xff) : null;
        IpPrefix from = at.has(Rtnl.FRA_SRC) ? new IpPrefix(at.address(Rtnl.FRA_SRC, f.addressLength()), p.get(2) & 0xff) : null;
        int table = at.u32(Rtnl.FRA_TABLE, p.get(4) & 0xff);
        return new Rule(f, at.u32(Rtnl.FRA_PRIORITY, 0), table, from, to, at.string(Rtnl.FRA_IIFNAME),
                at.string(Rtnl.FRA_OIFNAME), at.u32(Rtnl.FRA_FWMARK, 0), at.u32(Rtnl.FRA_FWMASK, 0),
                RuleAction.of(p.get(7) & 0xff), (p.getInt(8) & Rtnl.FIB_RULE_INVERT) != 0);
    }
}
