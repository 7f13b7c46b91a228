package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.netlink.NlEncoder;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vigil.kernel.ipvs.IpvsConstants.*;

/**
 * Encodes every IPVS generic netlink request and decodes the kernel's replies, in pure Java.
 * Requests carry the same attributes, in the same order, as ipvsadm 1.31 (libipvs over libnl)
 * sends them, so the kernel sees exactly what it sees from ipvsadm: services as a nested
 * {@code IPVS_CMD_ATTR_SERVICE} with the address as the 16-byte {@code union nf_inet_addr},
 * ports in network order, flags as {@code struct ip_vs_flags {flags, mask}}.
 */
public final class IpvsCodec {
    private static final byte[] NO_FLAGS = flagsStruct(0, 0xffffffff);

    private final int familyId;
    private final boolean detailed;
    /** The service part of the last destination request: a table's real servers come service by service. */
    private volatile EncodedService lastService;

    /** A service attribute as destination commands carry it, already encoded. */
    private record EncodedService(ServiceKey key, byte[] bytes) {
    }

    /** A codec for the IPVS family with the dynamic id {@code familyId} (from family resolution). */
    public IpvsCodec(int familyId) {
        this(familyId, true);
    }

    /**
     * With {@code detailed} false, requests are named by their command only ({@code IPVS_CMD_NEW_DEST})
     * instead of {@code IPVS_CMD_NEW_DEST(TCP 10.0.0.1:80 -> 10.0.0.2:80)}: cheaper for big batches.
     */
    public IpvsCodec(int familyId, boolean detailed) {
        this.familyId = familyId;
        this.detailed = detailed;
    }

    /**
     * {@code cmd}, or with its detail when detailed: formatted only then, so the batches and the
     * dumps a save sends (one per service) build no description (and no lambda) per request.
     */
    private String name(String cmd, Object detail) {
        return detailed ? cmd + "(" + detail + ")" : cmd;
    }

    /** As {@link #name(String, Object)} for a destination of {@code svc}. */
    private String name(String cmd, ServiceKey svc, Destination d) {
        return detailed ? cmd + "(" + svc + " -> " + d.describe() + ")" : cmd;
    }

    public int familyId() {
        return familyId;
    }

    private static NlEncoder header(int cmd) {
        return Genl.header(cmd, GENL_VERSION);
    }

    /**
     * Ends a nested attribute including the padding of its last member, as libnl (and the
     * kernel's own nla_nest_end) do; the message length then includes that padding too.
     */
    private static NlEncoder end(NlEncoder e, int mark) {
        return e.align().endNested(mark);
    }

    private NlRequest request(NlEncoder e, String op) {
        return e.request(op, familyId, 0);
    }

    // ---- services ----

    public NlRequest newService(Service s) {
        return request(fullService(header(CMD_NEW_SERVICE), s), name("IPVS_CMD_NEW_SERVICE", s.key()));
    }

    public NlRequest setService(Service s) {
        return request(fullService(header(CMD_SET_SERVICE), s), name("IPVS_CMD_SET_SERVICE", s.key()));
    }

    public NlRequest delService(ServiceKey key) {
        return request(bareService(header(CMD_DEL_SERVICE), key, Service.defaultNetmask(key.family())),
                name("IPVS_CMD_DEL_SERVICE", key));
    }

    /** The request for one service (a reply then the ack; ESRCH when absent). */
    public NlRequest getService(ServiceKey key) {
        return request(bareService(header(CMD_GET_SERVICE), key, 0), name("IPVS_CMD_GET_SERVICE", key));
    }

    /** The dump request for all services. */
    public NlRequest dumpServices() {
        return request(header(CMD_GET_SERVICE), "IPVS_CMD_GET_SERVICE(dump)");
    }

    /** A service with every field, as for NEW/SET. */
    private static NlEncoder fullService(NlEncoder e, Service s) {
        int mark = e.beginNested(CMD_ATTR_SERVICE);
        serviceId(e, s.key());
        e.string(SVC_ATTR_SCHED_NAME, s.scheduler());
        if (s.peName() != null) {
            e.string(SVC_ATTR_PE_NAME, s.peName());
        }
        serviceOptions(e, s.family(), ServiceFlag.toBits(s.flags()), s.timeout(), s.netmask());
        return end(e, mark);
    }

    /** A service as ipvsadm sends it for DEL/ZERO/GET and in dest commands: no scheduler, no flags. */
    private static NlEncoder bareService(NlEncoder e, ServiceKey key, int netmask) {
        int mark = e.beginNested(CMD_ATTR_SERVICE);
        serviceId(e, key);
        e.string(SVC_ATTR_SCHED_NAME, "");
        serviceOptions(e, key.family(), 0, 0, netmask);
        return end(e, mark);
    }

    private static void serviceId(NlEncoder e, ServiceKey key) {
        e.u16(SVC_ATTR_AF, key.family().af());
        if (key instanceof ServiceKey.Fwmark f) {
            e.u32(SVC_ATTR_FWMARK, f.mark());
        } else {
            ServiceKey.Inet k = (ServiceKey.Inet) key;
            e.u16(SVC_ATTR_PROTOCOL, k.protocol().number());
            e.bytes(SVC_ATTR_ADDR, IpAddresses.union(k.address()));
            e.be16(SVC_ATTR_PORT, k.port());
        }
    }

    private static void serviceOptions(NlEncoder e, IpFamily family, int flags, int timeout, int netmask) {
        e.bytes(SVC_ATTR_FLAGS, flags == 0 ? NO_FLAGS : flagsStruct(flags, 0xffffffff));
        e.u32(SVC_ATTR_TIMEOUT, timeout);
        if (family == IpFamily.V6) {
            e.u32(SVC_ATTR_NETMASK, netmask);
        } else {
            e.be32(SVC_ATTR_NETMASK, netmask);
        }
    }

    /** {@code struct ip_vs_flags {__u32 flags; __u32 mask;}} in host order. */
    private static byte[] flagsStruct(int flags, int mask) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(flags).putInt(mask).array();
    }

    // ---- destinations ----

    public NlRequest newDest(ServiceKey svc, Destination d) {
        return request(dest(header(CMD_NEW_DEST), svc, d), name("IPVS_CMD_NEW_DEST", svc, d));
    }

    public NlRequest setDest(ServiceKey svc, Destination d) {
        return request(dest(header(CMD_SET_DEST), svc, d), name("IPVS_CMD_SET_DEST", svc, d));
    }

    public NlRequest delDest(ServiceKey svc, Destination d) {
        return request(dest(header(CMD_DEL_DEST), svc, d), name("IPVS_CMD_DEL_DEST", svc, d));
    }

    /** The service attribute of a destination command for {@code svc}, from the last one when it matches. */
    private byte[] destService(ServiceKey svc) {
        EncodedService last = lastService;
        if (last == null || !last.key().equals(svc)) {
            // Encoded on its own: attributes are 4-byte aligned and the genl header is 4 bytes long.
            last = new EncodedService(svc, bareService(new NlEncoder(), svc, Service.defaultNetmask(svc.family()))
                    .toBytes());
            lastService = last;
        }
        return last.bytes();
    }

    /** The dump request for the destinations of {@code svc} (ESRCH when the service is absent). */
    public NlRequest dumpDests(ServiceKey svc) {
        NlEncoder e = header(CMD_GET_DEST);
        int mark = e.beginNested(CMD_ATTR_SERVICE);
        serviceId(e, svc);
        end(e, mark);
        return request(e, name("IPVS_CMD_GET_DEST", svc));
    }

    private NlEncoder dest(NlEncoder e, ServiceKey svc, Destination d) {
        e.putBytes(destService(svc));
        int mark = e.beginNested(CMD_ATTR_DEST);
        e.u16(DEST_ATTR_ADDR_FAMILY, d.family().af());
        e.bytes(DEST_ATTR_ADDR, IpAddresses.union(d.address()));
        e.be16(DEST_ATTR_PORT, d.port());
        e.u32(DEST_ATTR_FWD_METHOD, d.forward().value());
        e.u32(DEST_ATTR_WEIGHT, d.weight());
        e.u8(DEST_ATTR_TUN_TYPE, d.tunnelType().value());
        e.be16(DEST_ATTR_TUN_PORT, d.tunnelPort());
        e.u16(DEST_ATTR_TUN_FLAGS, d.tunnelFlags());
        e.u32(DEST_ATTR_U_THRESH, d.upperThreshold());
        e.u32(DEST_ATTR_L_THRESH, d.lowerThreshold());
        return end(e, mark);
    }

    // ---- sync daemons ----

    public NlRequest newDaemon(SyncDaemon d) {
        NlEncoder e = header(CMD_NEW_DAEMON);
        int mark = e.beginNested(CMD_ATTR_DAEMON);
        e.u32(DAEMON_ATTR_STATE, d.state().value());
        e.string(DAEMON_ATTR_MCAST_IFN, d.interfaceName());
        e.u32(DAEMON_ATTR_SYNC_ID, d.syncId());
        if (d.maxLength() != 0) {
            e.u16(DAEMON_ATTR_SYNC_MAXLEN, d.maxLength());
        }
        if (d.port() != 0) {
            e.u16(DAEMON_ATTR_MCAST_PORT, d.port());
        }
        if (d.ttl() != 0) {
            e.u8(DAEMON_ATTR_MCAST_TTL, d.ttl());
        }
        if (d.group() != null) {
            e.bytes(IpFamily.of(d.group()) == IpFamily.V6 ? DAEMON_ATTR_MCAST_GROUP6 : DAEMON_ATTR_MCAST_GROUP,
                    d.group().getAddress());
        }
        end(e, mark);
        return request(e, name("IPVS_CMD_NEW_DAEMON", d.state().label()));
    }

    public NlRequest delDaemon(SyncState state) {
        NlEncoder e = header(CMD_DEL_DAEMON);
        int mark = e.beginNested(CMD_ATTR_DAEMON);
        e.u32(DAEMON_ATTR_STATE, state.value());
        e.string(DAEMON_ATTR_MCAST_IFN, "");
        e.u32(DAEMON_ATTR_SYNC_ID, 0);
        end(e, mark);
        return request(e, name("IPVS_CMD_DEL_DAEMON", state.label()));
    }

    public NlRequest dumpDaemons() {
        return request(header(CMD_GET_DAEMON), "IPVS_CMD_GET_DAEMON(dump)");
    }

    // ---- config, info, zero, flush ----

    public NlRequest setConfig(Timeouts t) {
        NlEncoder e = header(CMD_SET_CONFIG).u32(CMD_ATTR_TIMEOUT_TCP, t.tcp())
                .u32(CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFin()).u32(CMD_ATTR_TIMEOUT_UDP, t.udp());
        return request(e, "IPVS_CMD_SET_CONFIG");
    }

    public NlRequest getConfig() {
        return request(header(CMD_GET_CONFIG), "IPVS_CMD_GET_CONFIG");
    }

    public NlRequest getInfo() {
        return request(header(CMD_GET_INFO), "IPVS_CMD_GET_INFO");
    }

    /** Zeroes all counters, or those of {@code svc} when not {@code null}. */
    public NlRequest zero(ServiceKey svc) {
        if (svc == null) {
            return request(header(CMD_ZERO), "IPVS_CMD_ZERO");
        }
        return request(bareService(header(CMD_ZERO), svc, Service.defaultNetmask(svc.family())),
                name("IPVS_CMD_ZERO", svc));
    }

    public NlRequest flush() {
        return request(header(CMD_FLUSH), "IPVS_CMD_FLUSH");
    }

    /** The request for one table change. */
    public NlRequest encode(IpvsOp op) {
        if (op instanceof IpvsOp.AddService o) {
            return newService(o.service());
        } else if (op instanceof IpvsOp.EditService o) {
            return setService(o.service());
        } else if (op instanceof IpvsOp.DeleteService o) {
            return delService(o.key());
        } else if (op instanceof IpvsOp.AddDestination o) {
            return newDest(o.service(), o.destination());
        } else if (op instanceof IpvsOp.EditDestination o) {
            return setDest(o.service(), o.destination());
        } else if (op instanceof IpvsOp.DeleteDestination o) {
            return delDest(o.service(), o.destination());
        } else if (op instanceof IpvsOp.Flush) {
            return flush();
        } else if (op instanceof IpvsOp.Zero o) {
            return zero(o.service());
        } else if (op instanceof IpvsOp.SetTimeouts o) {
            return setConfig(o.timeouts());
        } else if (op instanceof IpvsOp.StartDaemon o) {
            return newDaemon(o.daemon());
        } else if (op instanceof IpvsOp.StopDaemon o) {
            return delDaemon(o.state());
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    /** The kernel operation name of {@code op}, as {@link #encode} names it in errors. */
    public static String opName(IpvsOp op) {
        return new IpvsCodec(0).encode(op).op();
    }

    // ---- replies ----

    /** A service from an {@code IPVS_CMD_NEW_SERVICE} reply (dump or get). */
    public static Service decodeService(NlMessage m) {
        return IpvsReplies.service(Genl.attrs(m));
    }

    /** A destination from an {@code IPVS_CMD_NEW_DEST} dump reply. */
    public static Destination decodeDest(NlMessage m) {
        return IpvsReplies.destination(Genl.attrs(m), true);
    }

    /** As {@link #decodeDest}, with {@link Stats#ZERO} for counters (not decoded). */
    public static Destination decodeDestWithoutStats(NlMessage m) {
        return IpvsReplies.destination(Genl.attrs(m), false);
    }

    /** A daemon from an {@code IPVS_CMD_NEW_DAEMON} dump reply. */
    public static SyncDaemon decodeDaemon(NlMessage m) {
        return IpvsReplies.daemon(Genl.attrs(m));
    }

    /** Timeouts from the {@code IPVS_CMD_SET_CONFIG} reply to GET_CONFIG. */
    public static Timeouts decodeTimeouts(NlMessage m) {
        return IpvsReplies.timeouts(Genl.attrs(m));
    }

    /** Info from the {@code IPVS_CMD_SET_INFO} reply to GET_INFO. */
    public static IpvsInfo decodeInfo(NlMessage m) {
        return IpvsReplies.info(Genl.attrs(m));
    }
}
