package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.daemon.plugin.PluginSections;
import dev.vigil.daemon.vip.DelegatedVips;
import dev.vigil.daemon.vip.NetlinkVipBackend;
import dev.vigil.daemon.vip.NetlinkVipBackendFactory;
import dev.vigil.daemon.vip.RetryPolicy;
import dev.vigil.daemon.vip.VipRecordFile;
import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VipBackendFactory;
import dev.vigil.plugin.vip.VirtualAddress;
import dev.vigil.vrrp.engine.KernelPorts;
import dev.vigil.vrrp.instance.AddressRecord;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.VipPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel ports of the VRRP engine plus what the daemon adds: the record of placed addresses
 * and, for instances with a {@code vip_backend} other than netlink, a {@link DelegatedVips} port
 * over the backend that the section's type names.
 */
final class BackendPorts implements KernelPorts {
    private static final Logger LOG = LoggerFactory.getLogger(BackendPorts.class);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final RealKernelPorts kernel;
    private final PluginHost plugins;
    private final VipRecordFile record;
    private final Map<String, DelegatedVips> ports = new ConcurrentHashMap<>();
    private volatile VigilConfig config;

    BackendPorts(RealKernelPorts kernel, PluginHost plugins, VipRecordFile record) {
        this.kernel = kernel;
        this.plugins = plugins;
        this.record = record;
    }

    /** The configuration the next instances are created from. */
    void configure(VigilConfig next) {
        this.config = next;
    }

    @Override
    public VipPort vipPort(InstanceSpec spec) {
        Section section = section(config, spec.name());
        if (section == null) {
            throw new IllegalArgumentException("vrrp_instance " + spec.name() + ": no vip_backend section");
        }
        VipBackend backend = create(section);
        DelegatedVips port = new DelegatedVips(spec.name(), section.type(), backend,
                RetryPolicy.of(PluginSections.of(section, Set.of())), record, DelegatedVips.Sleeper.REAL);
        DelegatedVips old = ports.put(spec.name(), port);
        if (old != null) {
            retire(old);
        }
        LOG.info("({}) virtual addresses through the {} VIP backend", spec.name(), section.type());
        return port;
    }

    private VipBackend create(Section section) {
        VipBackendFactory f = plugins == null ? null : plugins.vipBackends().get(section.type());
        if (f == null) {
            throw new IllegalArgumentException("no VIP backend of type '" + section.type() + "' is loaded");
        }
        return f.create(PluginSections.of(section, Set.of()), plugins.context(node(config)));
    }

    /** Lets the ports of instances no longer configured finish their calls, then closes them. */
    void retireAllBut(Set<String> names) {
        for (String name : new ArrayList<>(ports.keySet())) {
            if (!names.contains(name)) {
                DelegatedVips p = ports.remove(name);
                if (p != null) {
                    retire(p);
                }
            }
        }
    }

    private static void retire(DelegatedVips port) {
        Thread t = new Thread(() -> port.drainAndClose(DRAIN_LIMIT), "vip-retire");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for every port's queued calls (a stopping master's removes), then closes them. */
    void drainAll() {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        for (DelegatedVips p : ports.values()) {
            p.drainAndClose(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        ports.clear();
    }

    /** Writes the record as it is and stops its writer. */
    void closeRecord() {
        record.close();
    }

    List<Map<String, Object>> status() {
        return ports.values().stream().map(DelegatedVips::status).toList();
    }

    /**
     * Removes the addresses a previous run left: every one in the record, and every one a
     * configured backend says it holds, through the backend that placed it. Nothing runs yet, so
     * all of them are stale; an instance that becomes master adds its own again.
     */
    void removeStale(VigilConfig cfg) {
        Map<String, List<VirtualAddress>> byBackend = new LinkedHashMap<>();
        Map<String, Section> sectionOf = new LinkedHashMap<>();
        for (VipRecordFile.Entry e : record.entries()) {
            byBackend.computeIfAbsent(e.backend() + "\u0000" + e.address().owner(), k -> new ArrayList<>())
                    .add(e.address());
        }
        for (VrrpInstance i : cfg.vrrpInstance()) {
            if (i.vipBackend() != null && !NetlinkVipBackendFactory.TYPE.equals(i.vipBackend().type())) {
                sectionOf.put(i.vipBackend().type() + "\u0000" + i.name(), i.vipBackend());
                byBackend.computeIfAbsent(i.vipBackend().type() + "\u0000" + i.name(), k -> new ArrayList<>());
            }
        }
        for (Map.Entry<String, List<VirtualAddress>> e : byBackend.entrySet()) {
            String type = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            String owner = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            removeStale(cfg, type, owner, sectionOf.get(e.getKey()), e.getValue());
        }
    }

    private void removeStale(VigilConfig cfg, String type, String owner, Section section, List<VirtualAddress> listed) {
        VipBackend backend;
        if (NetlinkVipBackendFactory.TYPE.equals(type)) {
            backend = new NetlinkVipBackend(kernel.addresses(), kernel.links()::indexOf);
        } else {
            Section s = section != null ? section : anyOfType(cfg, type);
            if (s == null) {
                LOG.warn("({}) {} stale address(es) placed by the {} VIP backend, which is no longer configured: {}"
                        + " (left in place and in the record)", owner, listed.size(), type, listed);
                return;
            }
            try {
                backend = create(s);
            } catch (RuntimeException ex) {
                LOG.error("({}) cannot create the {} VIP backend to remove stale addresses: {}", owner, type,
                        ex.getMessage());
                return;
            }
        }
        try {
            Set<VirtualAddress> stale = new LinkedHashSet<>(listed);
            try {
                stale.addAll(backend.held(owner));
            } catch (Exception ex) {
                LOG.warn("({}) the {} VIP backend cannot tell what it holds: {}", owner, type, ex.getMessage());
            }
            for (VirtualAddress a : stale) {
                try {
                    backend.remove(a);
                    record.remove(List.of(a));
                    LOG.info("({}) removed stale address {} ({} VIP backend) left by a previous run", owner, a, type);
                } catch (Exception ex) {
                    LOG.error("({}) cannot remove stale address {} ({} VIP backend): {}", owner, a, type,
                            ex.getMessage());
                }
            }
        } finally {
            if (!NetlinkVipBackendFactory.TYPE.equals(type)) {
                backend.close();
            }
        }
    }

    private static Section anyOfType(VigilConfig cfg, String type) {
        return cfg.vrrpInstance().stream().map(VrrpInstance::vipBackend)
                .filter(s -> s != null && s.type().equals(type)).findFirst().orElse(null);
    }

    private static Section section(VigilConfig cfg, String instance) {
        return cfg == null ? null : cfg.vrrpInstance().stream().filter(i -> i.name().equals(instance))
                .map(VrrpInstance::vipBackend).findFirst().orElse(null);
    }

    private static String node(VigilConfig cfg) {
        return cfg == null || cfg.globalDefs().routerId() == null ? "localhost" : cfg.globalDefs().routerId();
    }

    @Override
    public AddressRecord addressRecord() {
        return record;
    }

    @Override
    public VrrpSocket openSocket(VrrpSocketOptions options) {
        return kernel.openSocket(options);
    }

    @Override
    public AddressTable addresses() {
        return kernel.addresses();
    }

    @Override
    public RouteTable routes() {
        return kernel.routes();
    }

    @Override
    public ArpSender arp() {
        return kernel.arp();
    }

    @Override
    public LinkMonitor links() {
        return kernel.links();
    }

    @Override
    public LinkControl linkControl() {
        return kernel.linkControl();
    }

    @Override
    public Sysctl sysctl() {
        return kernel.sysctl();
    }

    @Override
    public dev.vigil.kernel.nft.VipFilter vipFilter() {
        return kernel.vipFilter();
    }
}
