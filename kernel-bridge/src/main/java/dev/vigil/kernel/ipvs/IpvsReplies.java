package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.Attrs;
import dev.vigil.kernel.netlink.NetlinkException;

import java.net.InetAddress;

import static dev.vigil.kernel.ipvs.IpvsConstants.*;

/** Decoders of the kernel's IPVS replies (see {@link IpvsCodec}); attributes may come in any order. */
final class IpvsReplies {
    private IpvsReplies() {
    }

    private static Attrs nested(Attrs top, int type, String what) {
        Attrs a = top.nested(type);
        if (a == null) {
            throw new NetlinkException("parse", Errno.EINVAL, "IPVS reply without " + what + " attribute");
        }
        return a;
    }

    static Service service(Attrs top) {
        Attrs a = nested(top, CMD_ATTR_SERVICE, "service");
        IpFamily family = IpFamily.ofAf(a.u16(SVC_ATTR_AF));
        ServiceKey key;
        if (a.has(SVC_ATTR_FWMARK) && a.u32(SVC_ATTR_FWMARK) != 0) {
            key = new ServiceKey.Fwmark(family, a.u32(SVC_ATTR_FWMARK));
        } else {
            InetAddress addr = IpAddresses.of(family, a.bytes(SVC_ATTR_ADDR));
            key = new ServiceKey.Inet(Protocol.of(a.u16(SVC_ATTR_PROTOCOL)), addr, a.be16(SVC_ATTR_PORT));
        }
        int flags = a.has(SVC_ATTR_FLAGS) ? a.u32(SVC_ATTR_FLAGS) : 0;
        int netmask = !a.has(SVC_ATTR_NETMASK) ? Service.defaultNetmask(family)
                : family == IpFamily.V6 ? a.u32(SVC_ATTR_NETMASK) : a.be32(SVC_ATTR_NETMASK);
        return new Service(key, a.string(SVC_ATTR_SCHED_NAME), ServiceFlag.fromBits(flags),
                a.u32(SVC_ATTR_TIMEOUT, 0), netmask, a.string(SVC_ATTR_PE_NAME),
                stats(a, SVC_ATTR_STATS64, SVC_ATTR_STATS));
    }

    /** The destination of a reply; its counters only when {@code withStats}, else {@link Stats#ZERO}. */
    static Destination destination(Attrs top, boolean withStats) {
        Attrs a = nested(top, CMD_ATTR_DEST, "destination");
        int af = a.u16(DEST_ATTR_ADDR_FAMILY, 0);
        byte[] raw = a.bytes(DEST_ATTR_ADDR);
        // Kernels before 4.x send no address family: the destination then has the service's.
        IpFamily family = af != 0 ? IpFamily.ofAf(af) : raw.length == 4 ? IpFamily.V4 : guessFamily(raw);
        TunnelType tun = TunnelType.of(a.u8(DEST_ATTR_TUN_TYPE, 0));
        return new Destination(IpAddresses.of(family, raw), a.be16(DEST_ATTR_PORT),
                ForwardMethod.of(a.u32(DEST_ATTR_FWD_METHOD)), a.u32(DEST_ATTR_WEIGHT),
                a.u32(DEST_ATTR_U_THRESH, 0), a.u32(DEST_ATTR_L_THRESH, 0),
                tun, a.has(DEST_ATTR_TUN_PORT) ? a.be16(DEST_ATTR_TUN_PORT) : 0, a.u16(DEST_ATTR_TUN_FLAGS, 0),
                a.u32(DEST_ATTR_ACTIVE_CONNS, 0), a.u32(DEST_ATTR_INACT_CONNS, 0),
                a.u32(DEST_ATTR_PERSIST_CONNS, 0), withStats ? stats(a, DEST_ATTR_STATS64, DEST_ATTR_STATS) : Stats.ZERO);
    }

    /** Without an address family attribute: an IPv4 address has only zeros after its first 4 bytes. */
    private static IpFamily guessFamily(byte[] raw) {
        for (int i = 4; i < raw.length; i++) {
            if (raw[i] != 0) {
                return IpFamily.V6;
            }
        }
        return IpFamily.V4;
    }

    /** Counters from {@code stats64} when present, else from the 32-bit {@code stats}. */
    static Stats stats(Attrs parent, int stats64, int stats32) {
        Attrs s = parent.nested(stats64);
        if (s != null) {
            return new Stats(s.u64(STATS_ATTR_CONNS, 0), s.u64(STATS_ATTR_INPKTS, 0), s.u64(STATS_ATTR_OUTPKTS, 0),
                    s.u64(STATS_ATTR_INBYTES, 0), s.u64(STATS_ATTR_OUTBYTES, 0), s.u64(STATS_ATTR_CPS, 0),
                    s.u64(STATS_ATTR_INPPS, 0), s.u64(STATS_ATTR_OUTPPS, 0), s.u64(STATS_ATTR_INBPS, 0),
                    s.u64(STATS_ATTR_OUTBPS, 0));
        }
        s = parent.nested(stats32);
        if (s == null) {
            return Stats.ZERO;
        }
        return new Stats(u32(s, STATS_ATTR_CONNS), u32(s, STATS_ATTR_INPKTS), u32(s, STATS_ATTR_OUTPKTS),
                s.u64(STATS_ATTR_INBYTES, 0), s.u64(STATS_ATTR_OUTBYTES, 0), u32(s, STATS_ATTR_CPS),
                u32(s, STATS_ATTR_INPPS), u32(s, STATS_ATTR_OUTPPS), u32(s, STATS_ATTR_INBPS),
                u32(s, STATS_ATTR_OUTBPS));
    }

    private static long u32(Attrs a, int type) {
        return Integer.toUnsignedLong(a.u32(type, 0));
    }

    static SyncDaemon daemon(Attrs top) {
        Attrs a = nested(top, CMD_ATTR_DAEMON, "daemon");
        InetAddress group = null;
        if (a.has(DAEMON_ATTR_MCAST_GROUP6)) {
            group = IpAddresses.of(IpFamily.V6, a.bytes(DAEMON_ATTR_MCAST_GROUP6));
        } else if (a.has(DAEMON_ATTR_MCAST_GROUP)) {
            group = IpAddresses.of(IpFamily.V4, a.bytes(DAEMON_ATTR_MCAST_GROUP));
        }
        return new SyncDaemon(SyncState.of(a.u32(DAEMON_ATTR_STATE)), a.string(DAEMON_ATTR_MCAST_IFN),
                a.u32(DAEMON_ATTR_SYNC_ID), a.u16(DAEMON_ATTR_SYNC_MAXLEN, 0), group,
                a.u16(DAEMON_ATTR_MCAST_PORT, 0), a.u8(DAEMON_ATTR_MCAST_TTL, 0));
    }

    static Timeouts timeouts(Attrs a) {
        return new Timeouts(a.u32(CMD_ATTR_TIMEOUT_TCP, 0), a.u32(CMD_ATTR_TIMEOUT_TCP_FIN, 0),
                a.u32(CMD_ATTR_TIMEOUT_UDP, 0));
    }

    static IpvsInfo info(Attrs a) {
        return new IpvsInfo(a.u32(INFO_ATTR_VERSION, 0), a.u32(INFO_ATTR_CONN_TAB_SIZE, 0));
    }
}
