package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-memory {@link IpvsTable} with the kernel's semantics, for tests of the layers above:
 * the same errno values as Linux 6.1 for the same mistakes (EEXIST on duplicates, ESRCH for a
 * missing service, ENOENT for a missing destination, scheduler or persistence engine, ERANGE for
 * bad weights and thresholds, EINVAL for bad masks and mixed families, also with sync daemons),
 * destinations newest first, and exceptions naming the same operations as {@link NetlinkIpvs}.
 */
public final class FakeIpvsTable implements IpvsTable {
    /** The schedulers of a stock kernel with every ip_vs_* module loaded. */
    public static final Set<String> ALL_SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh");
    /** Persistence engines of a stock kernel. */
    public static final Set<String> ALL_PERSISTENCE_ENGINES = Set.of("sip");

    private final Set<String> schedulers;
    private final Set<String> engines;
    private final Map<ServiceKey, Entry> services = new LinkedHashMap<>();
    private final Map<SyncState, SyncDaemon> daemons = new EnumMap<>(SyncState.class);
    private Timeouts timeouts = Timeouts.KERNEL_DEFAULTS;
    private int applyCalls;

    private static final class Entry {
        Service service;
        final List<Destination> dests = new ArrayList<>();

        Entry(Service service) {
            this.service = service;
        }
    }

    /** A table knowing every stock scheduler and persistence engine. */
    public FakeIpvsTable() {
        this(ALL_SCHEDULERS, ALL_PERSISTENCE_ENGINES);
    }

    /** A table knowing only {@code schedulers} and {@code engines} (others are ENOENT). */
    public FakeIpvsTable(Set<String> schedulers, Set<String> engines) {
        this.schedulers = Set.copyOf(schedulers);
        this.engines = Set.copyOf(engines);
    }

    private static NetlinkException fail(IpvsOp op, int errno) {
        return new NetlinkException(IpvsCodec.opName(op), errno, null);
    }

    private Entry entry(IpvsOp op, ServiceKey key) {
        Entry e = services.get(key);
        if (e == null) {
            throw fail(op, Errno.ESRCH);
        }
        return e;
    }

    private void checkService(IpvsOp op, Service s) {
        if (!schedulers.contains(s.scheduler()) || (s.peName() != null && !engines.contains(s.peName()))) {
            throw fail(op, Errno.ENOENT);
        }
        if (s.family() == IpFamily.V6 && (s.netmask() < 1 || s.netmask() > 128)) {
            throw fail(op, Errno.EINVAL);
        }
    }

    private void checkDest(IpvsOp op, ServiceKey svc, Destination d) {
        if (d.weight() < 0 || Integer.compareUnsigned(d.lowerThreshold(), d.upperThreshold()) > 0) {
            throw fail(op, Errno.ERANGE);
        }
        if (!unicast(d.address())) {
            throw fail(op, Errno.EINVAL);
        }
        // Another family only through a tunnel, and never while a sync daemon runs.
        if (d.family() != svc.family() && (d.forward() != ForwardMethod.TUNNEL || !daemons.isEmpty())) {
            throw fail(op, Errno.EINVAL);
        }
    }

    /** What the kernel takes as a real server: a unicast address, not link-local for IPv6. */
    private static boolean unicast(java.net.InetAddress a) {
        if (a instanceof java.net.Inet4Address) {
            byte first = a.getAddress()[0];
            return first != 0 && !a.isMulticastAddress() && !a.getHostAddress().equals("255.255.255.255");
        }
        return !a.isMulticastAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress();
    }

    private static int find(List<Destination> dests, Destination d) {
        for (int i = 0; i < dests.size(); i++) {
            if (dests.get(i).sameServer(d)) {
                return i;
            }
        }
        return -1;
    }

    private static Service stored(Service s) {
        return s.withStats(Stats.ZERO);
    }

    private static Destination stored(Destination d) {
        return d.withConns(0, 0, 0).withStats(Stats.ZERO);
    }

    @Override
    public synchronized List<Service> listServices() {
        List<Service> out = new ArrayList<>(services.size());
        for (Entry e : services.values()) {
            out.add(e.service);
        }
        return out;
    }

    @Override
    public synchronized List<Destination> listDestinations(ServiceKey service) {
        Entry e = services.get(service);
        return e == null ? List.of() : List.copyOf(e.dests);
    }

    @Override
    public synchronized void addService(Service service) {
        IpvsOp op = new IpvsOp.AddService(service);
        if (services.containsKey(service.key())) {
            throw fail(op, Errno.EEXIST);
        }
        checkService(op, service);
        services.put(service.key(), new Entry(stored(service)));
    }

    @Override
    public synchronized void editService(Service service) {
        IpvsOp op = new IpvsOp.EditService(service);
        Entry e = entry(op, service.key());
        checkService(op, service);
        e.service = stored(service).withStats(e.service.stats());
    }

    @Override
    public synchronized void deleteService(ServiceKey key) {
        entry(new IpvsOp.DeleteService(key), key);
        services.remove(key);
    }

    @Override
    public synchronized void addDestination(ServiceKey service, Destination destination) {
        IpvsOp op = new IpvsOp.AddDestination(service, destination);
        Entry e = entry(op, service);
        checkDest(op, service, destination);
        if (find(e.dests, destination) >= 0) {
            throw fail(op, Errno.EEXIST);
        }
        e.dests.add(0, stored(destination));
    }

    @Override
    public synchronized void editDestination(ServiceKey service, Destination destination) {
        IpvsOp op = new IpvsOp.EditDestination(service, destination);
        Entry e = entry(op, service);
        checkDest(op, service, destination);
        int i = find(e.dests, destination);
        if (i < 0) {
            throw fail(op, Errno.ENOENT);
        }
        Destination old = e.dests.get(i);
        e.dests.set(i, stored(destination).withConns(old.activeConns(), old.inactiveConns(), old.persistentConns())
                .withStats(old.stats()));
    }

    @Override
    public synchronized void deleteDestination(ServiceKey service, Destination destination) {
        IpvsOp op = new IpvsOp.DeleteDestination(service, destination);
        Entry e = entry(op, service);
        int i = find(e.dests, destination);
        if (i < 0) {
            throw fail(op, Errno.ENOENT);
        }
        e.dests.remove(i);
    }

    @Override
    public synchronized void flush() {
        services.clear();
    }

    @Override
    public synchronized void zero() {
        for (Entry e : services.values()) {
            zero(e);
        }
    }

    @Override
    public synchronized void zero(ServiceKey service) {
        zero(entry(new IpvsOp.Zero(Objects.requireNonNull(service, "service")), service));
    }

    private static void zero(Entry e) {
        e.service = e.service.withStats(Stats.ZERO);
        e.dests.replaceAll(d -> d.withStats(Stats.ZERO));
    }

    @Override
    public synchronized Timeouts getTimeouts() {
        return timeouts;
    }

    @Override
    public synchronized void setTimeouts(Timeouts t) {
        if (t.tcp() < 0 || t.tcpFin() < 0 || t.udp() < 0) {
            throw fail(new IpvsOp.SetTimeouts(t), Errno.EINVAL);
        }
        timeouts = new Timeouts(t.tcp() != 0 ? t.tcp() : timeouts.tcp(),
                t.tcpFin() != 0 ? t.tcpFin() : timeouts.tcpFin(), t.udp() != 0 ? t.udp() : timeouts.udp());
    }

    @Override
    public synchronized void startDaemon(SyncDaemon daemon) {
        if (daemons.containsKey(daemon.state())) {
            throw fail(new IpvsOp.StartDaemon(daemon), Errno.EEXIST);
        }
        if (hasMixedFamilyDests()) {
            // The sync protocol cannot carry them: the kernel refuses to start a daemon.
            throw fail(new IpvsOp.StartDaemon(daemon), Errno.EINVAL);
        }
        daemons.put(daemon.state(), daemon);
    }

    private boolean hasMixedFamilyDests() {
        for (Entry e : services.values()) {
            for (Destination d : e.dests) {
                if (d.family() != e.service.family()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public synchronized void stopDaemon(SyncState state) {
        if (daemons.remove(state) == null) {
            throw fail(new IpvsOp.StopDaemon(state), Errno.ESRCH);
        }
    }

    @Override
    public synchronized List<SyncDaemon> listDaemons() {
        return List.copyOf(daemons.values());
    }

    @Override
    public IpvsInfo info() {
        return new IpvsInfo(0x010201, 4096);
    }

    @Override
    public synchronized List<OpResult> apply(List<? extends IpvsOp> ops) {
        applyCalls++;
        List<OpResult> out = new ArrayList<>(ops.size());
        for (IpvsOp op : ops) {
            try {
                applyOne(op);
                out.add(new OpResult(op, IpvsCodec.opName(op), 0, null));
            } catch (NetlinkException e) {
                out.add(new OpResult(op, e.op(), e.errno(), e.extAckMessage()));
            }
        }
        return out;
    }

    private void applyOne(IpvsOp op) {
        if (op instanceof IpvsOp.AddService o) {
            addService(o.service());
        } else if (op instanceof IpvsOp.EditService o) {
            editService(o.service());
        } else if (op instanceof IpvsOp.DeleteService o) {
            deleteService(o.key());
        } else if (op instanceof IpvsOp.AddDestination o) {
            addDestination(o.service(), o.destination());
        } else if (op instanceof IpvsOp.EditDestination o) {
            editDestination(o.service(), o.destination());
        } else if (op instanceof IpvsOp.DeleteDestination o) {
            deleteDestination(o.service(), o.destination());
        } else if (op instanceof IpvsOp.Flush) {
            flush();
        } else if (op instanceof IpvsOp.Zero o) {
            if (o.service() == null) {
                zero();
            } else {
                zero(o.service());
            }
        } else if (op instanceof IpvsOp.SetTimeouts o) {
            setTimeouts(o.timeouts());
        } else if (op instanceof IpvsOp.StartDaemon o) {
            startDaemon(o.daemon());
        } else if (op instanceof IpvsOp.StopDaemon o) {
            stopDaemon(o.state());
        }
    }

    /** How many times {@link #apply} was called (restore tests check batching with it). */
    public synchronized int applyCalls() {
        return applyCalls;
    }

    @Override
    public void close() {
    }
}
