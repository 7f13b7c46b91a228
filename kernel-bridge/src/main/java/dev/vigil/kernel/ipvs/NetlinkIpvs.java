package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.genl.Genl;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import dev.vigil.kernel.netlink.NetlinkSocket;
import dev.vigil.kernel.netlink.NlMessage;
import dev.vigil.kernel.netlink.NlRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link IpvsTable} over generic netlink: resolves the {@code IPVS} family once, then sends
 * {@link IpvsCodec} requests. {@link #apply} sends many requests per system call. Thread-safe
 * (the client serialises calls).
 */
public final class NetlinkIpvs implements IpvsTable {
    private final NetlinkClient client;
    /** The service dump's client: {@link #client}, or one asking for larger datagrams (see {@link #open}). */
    private final NetlinkClient serviceDumps;
    private final IpvsCodec codec;
    /** Names requests by command only: batches build no description until one fails. */
    private final IpvsCodec batchCodec;

    /** Uses {@code client} (a generic netlink client); throws {@link IpvsUnavailableException} without IPVS. */
    public NetlinkIpvs(NetlinkClient client) {
        this(client, client);
    }

    private NetlinkIpvs(NetlinkClient client, NetlinkClient serviceDumps) {
        this.client = Objects.requireNonNull(client, "client");
        this.serviceDumps = Objects.requireNonNull(serviceDumps, "serviceDumps");
        this.codec = new IpvsCodec(resolve(client).id());
        this.batchCodec = new IpvsCodec(codec.familyId(), false);
    }

    /**
     * What each receive asks for. Every IPVS message (and the family lookup's reply) is under
     * 1 KiB, and this length keeps the kernel's buffer for each dump part in its 8 KiB slab (see
     * {@link NetlinkSocket#openWithReceiveLength}). It is also at least the kernel's smallest dump
     * buffer (NLMSG_GOODSIZE: 8 KiB or a page, less the same overhead) on any page size, so no
     * dump part can be longer. Measured in the IPVS VM on a save of 10,000 services x 10 real
     * servers: 22 % fewer instructions than with the usual 256 KiB (docs/benchmarks.md).
     */
    static final int RECEIVE_LENGTH = 8192 - NetlinkSocket.SKB_OVERHEAD;

    /**
     * Opens generic netlink sockets in the current network namespace: one for everything but the
     * service dump, whose receives ask for {@link #RECEIVE_LENGTH}, and one for the service dump
     * with the usual large receives. The kernel resumes a service dump by walking the table again
     * from its start up to where the last datagram ended, so the number of datagrams matters
     * there (quadratic in the table's size); each real-server dump is a datagram or two anyway.
     */
    public static NetlinkIpvs open() {
        NetlinkClient c = NetlinkClient.openWithReceiveLength(Netlink.NETLINK_GENERIC, RECEIVE_LENGTH);
        NetlinkClient services = null;
        try {
            services = NetlinkClient.open(Netlink.NETLINK_GENERIC);
            return new NetlinkIpvs(c, services);
        } catch (RuntimeException e) {
            c.close();
            if (services != null) {
                services.close();
            }
            throw e;
        }
    }

    private static Genl.Family resolve(NetlinkClient client) {
        try {
            return Genl.resolve(client, IpvsConstants.GENL_NAME);
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new IpvsUnavailableException(e.errno(), e);
            }
            throw e;
        }
    }

    /** Why IPVS cannot be used here, or {@code null} when it can. */
    public static Throwable unavailabilityCause() {
        try (NetlinkIpvs ipvs = open()) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e;
        }
    }

    public static boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    /** The codec, with this kernel's family id. */
    public IpvsCodec codec() {
        return codec;
    }

    /**
     * Decodes one dump reply. The decoders are constants of anonymous classes rather than method
     * references: a save runs the destination dump once per service, and a method reference's
     * call site is linked through method handles at its first run, which costs a one-shot command
     * more than the decoding.
     */
    private interface Decoder<T> {
        T decode(NlMessage m);
    }

    private static final Decoder<Service> SERVICE = new Decoder<>() {
        @Override
        public Service decode(NlMessage m) {
            return IpvsCodec.decodeService(m);
        }
    };

    private static final Decoder<Destination> DESTINATION = new Decoder<>() {
        @Override
        public Destination decode(NlMessage m) {
            return IpvsCodec.decodeDest(m);
        }
    };

    private static final Decoder<Destination> DESTINATION_WITHOUT_STATS = new Decoder<>() {
        @Override
        public Destination decode(NlMessage m) {
            return IpvsCodec.decodeDestWithoutStats(m);
        }
    };

    private static final Decoder<SyncDaemon> DAEMON = new Decoder<>() {
        @Override
        public SyncDaemon decode(NlMessage m) {
            return IpvsCodec.decodeDaemon(m);
        }
    };

    /** Runs the dump {@code request} over {@code via} and decodes every reply. */
    private static <T> List<T> dump(NetlinkClient via, NlRequest request, Decoder<T> decoder) {
        List<NlMessage> replies = via.dump(request);
        List<T> out = new ArrayList<>(replies.size());
        for (NlMessage m : replies) {
            out.add(decoder.decode(m));
        }
        return out;
    }

    private NlMessage single(NlRequest request) {
        List<NlMessage> replies = client.request(request);
        if (replies.isEmpty()) {
            throw new NetlinkException(request.op(), Errno.EIO, "no reply");
        }
        return replies.get(0);
    }

    @Override
    public List<Service> listServices() {
        return dump(serviceDumps, codec.dumpServices(), SERVICE);
    }

    /** One service, read from the kernel ({@code ESRCH} when absent). */
    public Service getService(ServiceKey key) {
        return IpvsCodec.decodeService(single(codec.getService(key)));
    }

    @Override
    public List<Destination> listDestinations(ServiceKey service) {
        return dump(client, codec.dumpDests(service), DESTINATION);
    }

    @Override
    public List<Destination> listDestinationsWithoutStats(ServiceKey service) {
        return dump(client, codec.dumpDests(service), DESTINATION_WITHOUT_STATS);
    }

    @Override
    public void addService(Service service) {
        client.request(codec.newService(service));
    }

    @Override
    public void editService(Service service) {
        client.request(codec.setService(service));
    }

    @Override
    public void deleteService(ServiceKey key) {
        client.request(codec.delService(key));
    }

    @Override
    public void addDestination(ServiceKey service, Destination destination) {
        client.request(codec.newDest(service, destination));
    }

    @Override
    public void editDestination(ServiceKey service, Destination destination) {
        client.request(codec.setDest(service, destination));
    }

    @Override
    public void deleteDestination(ServiceKey service, Destination destination) {
        client.request(codec.delDest(service, destination));
    }

    @Override
    public void flush() {
        client.request(codec.flush());
    }

    @Override
    public void zero() {
        client.request(codec.zero(null));
    }

    @Override
    public void zero(ServiceKey service) {
        client.request(codec.zero(Objects.requireNonNull(service, "service")));
    }

    @Override
    public Timeouts getTimeouts() {
        return IpvsCodec.decodeTimeouts(single(codec.getConfig()));
    }

    @Override
    public void setTimeouts(Timeouts timeouts) {
        client.request(codec.setConfig(timeouts));
    }

    @Override
    public void startDaemon(SyncDaemon daemon) {
        client.request(codec.newDaemon(daemon));
    }

    @Override
    public void stopDaemon(SyncState state) {
        client.request(codec.delDaemon(state));
    }

    @Override
    public List<SyncDaemon> listDaemons() {
        return dump(client, codec.dumpDaemons(), DAEMON);
    }

    @Override
    public IpvsInfo info() {
        return IpvsCodec.decodeInfo(single(codec.getInfo()));
    }

    @Override
    public List<OpResult> apply(List<? extends IpvsOp> ops) {
        List<NlRequest> requests = new ArrayList<>(ops.size());
        for (IpvsOp op : ops) {
            requests.add(batchCodec.encode(op));
        }
        List<NetlinkClient.Result> results = client.batch(requests);
        List<OpResult> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            NetlinkClient.Result r = results.get(i);
            String op = r.ok() ? r.request().op() : IpvsCodec.opName(ops.get(i));
            out.add(new OpResult(ops.get(i), op, r.errno(), r.extAck()));
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        if (serviceDumps != client) {
            serviceDumps.close();
        }
    }
}
