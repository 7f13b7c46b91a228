package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.FakeNetlinkKernel.Reply;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds rtnetlink messages as the kernel sends them, and a fake kernel answering dumps from a state. */
final class KernelMessages {
    private KernelMessages() {
    }

    static byte[] linkPayload(Link l) {
        NlEncoder e = new NlEncoder().putU8(Rtnl.AF_UNSPEC).putU8(0).putU16(1).putU32(l.index()).putU32(l.flags())
                .putU32(0).string(Rtnl.IFLA_IFNAME, l.name()).u32(Rtnl.IFLA_MTU, l.mtu())
                .u8(Rtnl.IFLA_OPERSTATE, l.operState().ordinal()).u8(Rtnl.IFLA_CARRIER, l.carrier() ? 1 : 0);
        if (l.mac() != null) {
            e.bytes(Rtnl.IFLA_ADDRESS, l.macBytes());
        }
        if (l.master() != 0) {
            e.u32(Rtnl.IFLA_MASTER, l.master());
        }
        return e.toBytes();
    }

    static byte[] addressPayload(IfAddress a) {
        int flags = AddressFlag.toBits(a.flags());
        NlEncoder e = new NlEncoder().putU8(a.family().af()).putU8(a.prefixLength()).putU8(flags & 0xff)
                .putU8(a.scope().value()).putU32(a.ifindex()).address(Rtnl.IFA_ADDRESS, a.address());
        if (a.family() == IpFamily.V4) {
            e.address(Rtnl.IFA_LOCAL, a.address());
        }
        if (a.broadcast() != null) {
            e.address(Rtnl.IFA_BROADCAST, a.broadcast());
        }
        if (a.label() != null) {
            e.string(Rtnl.IFA_LABEL, a.label());
        }
        return e.u32(Rtnl.IFA_FLAGS, flags).toBytes();
    }

    static Reply newLink(Link l, int seq, int flags) {
        return new Reply(Rtnl.RTM_NEWLINK, flags, seq, linkPayload(l));
    }

    static Reply delLink(Link l) {
        return new Reply(Rtnl.RTM_DELLINK, 0, 0, linkPayload(l));
    }

    static Reply newAddr(IfAddress a, int seq, int flags) {
        return new Reply(Rtnl.RTM_NEWADDR, flags, seq, addressPayload(a));
    }

    static Reply delAddr(IfAddress a) {
        return new Reply(Rtnl.RTM_DELADDR, 0, 0, addressPayload(a));
    }

    /** One notification datagram, as a multicast group member receives it. */
    static ByteBuffer event(Reply... messages) {
        return FakeNetlinkKernel.encode(List.of(messages));
    }

    /** A kernel answering link/address dumps and link lookups from whatever {@code state} holds at the time. */
    static Function<List<NlMessage>, List<Reply>> dumps(java.util.function.Supplier<List<Link>> links,
                                                         java.util.function.Supplier<List<IfAddress>> addrs) {
        return msgs -> {
            List<Reply> out = new ArrayList<>();
            for (NlMessage m : msgs) {
                if (m.type() == Rtnl.RTM_GETLINK && m.hasFlag(Netlink.NLM_F_DUMP)) {
                    links.get().forEach(l -> out.add(newLink(l, m.seq(), Netlink.NLM_F_MULTI)));
                    out.add(Reply.done(m));
                } else if (m.type() == Rtnl.RTM_GETADDR) {
                    addrs.get().forEach(a -> out.add(newAddr(a, m.seq(), Netlink.NLM_F_MULTI)));
                    out.add(Reply.done(m));
                } else if (m.type() == Rtnl.RTM_GETLINK) {
                    int index = m.payload().getInt(4);
                    links.get().stream().filter(l -> l.index() == index).forEach(l -> out.add(newLink(l, m.seq(), 0)));
                    out.add(Reply.error(m, out.isEmpty() ? dev.vigil.kernel.libc.Errno.ENODEV : 0));
                }
            }
            return out;
        };
    }
}
