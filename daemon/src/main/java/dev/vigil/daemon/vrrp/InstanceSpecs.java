package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.TrackInterface;
import dev.vigil.conf.model.TrackRef;
import dev.vigil.conf.model.Tracking;
import dev.vigil.conf.model.Unicast;
import dev.vigil.conf.model.UnicastPeer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpSyncGroup;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.rtnl.AddressFlag;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.IpPrefix;
import dev.vigil.vrrp.instance.GarpPolicy;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.InstanceSpec.TrackBinding;
import dev.vigil.vrrp.instance.Vip;
import dev.vigil.vrrp.instance.VmacSpec;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.packet.AuthType;
import dev.vigil.vrrp.packet.TtlRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Resolves a configured {@code vrrp_instance} into an {@link InstanceSpec}: global defaults applied,
 * addresses parsed, interfaces turned into indexes. Pure apart from the interface lookup.
 */
public final class InstanceSpecs {
    private final GlobalDefs globals;
    private final VigilConfig config;
    private final ToIntFunction<String> ifindex;

    /** @param ifindex the index of an interface by name, 0 when there is none */
    public InstanceSpecs(VigilConfig config, ToIntFunction<String> ifindex) {
        this.config = config;
        this.globals = config.globalDefs();
        this.ifindex = ifindex;
    }

    /** Every instance of the configuration, resolved. */
    public List<InstanceSpec> all() {
        return config.vrrpInstance().stream().map(this::resolve).toList();
    }

    /** Resolves one instance; throws {@link IllegalArgumentException} naming the instance when it cannot. */
    public InstanceSpec resolve(VrrpInstance i) {
        int index = index(i.interfaceName(), i);
        IpFamily family = family(i);
        int version = version(i, globals);
        long centis = Math.max(1, i.advertInt().toMillis() / 10);
        if (version == 2) {
            centis = Math.max(1, Math.round(centis / 100.0)) * 100;
        }
        Unicast u = i.unicast();
        InetAddress source = u.unicastSrcIp() != null ? inet(u.unicastSrcIp()) : u.mcastSrcIp() != null ? inet(u.mcastSrcIp()) : null;
        List<InetAddress> peers = u.unicastPeer().stream().map(UnicastPeer::address).map(InstanceSpecs::inet).toList();
        boolean strict = StrictMode.on(i, globals);
        AuthType auth = version == 2 && i.authentication() != null && !strict
                ? (i.authentication().authType() == dev.vigil.conf.model.AuthType.AH ? AuthType.AH : AuthType.PASS)
                : AuthType.NONE;
        boolean startAsMaster = i.state() == dev.vigil.conf.model.VrrpState.MASTER && (!strict || i.priority() == 255);
        Duration preemptDelay = strict ? Duration.ZERO : i.preemptDelay();
        boolean lowerPrioNoAdvert = strict || or(i.lowerPrioNoAdvert(), globals.vrrpLowerPrioNoAdvert());
        boolean higherPrioSendAdvert = !strict && or(i.higherPrioSendAdvert(), globals.vrrpHigherPrioSendAdvert());
        VmacSpec vmac = vmac(i, family);
        if (strict && vmac != null && vmac.xmitBase()) {
            vmac = new VmacSpec(vmac.interfaceName(), vmac.mac(), false);
        }
        return new InstanceSpec(i.name(), i.interfaceName(), index, family, version, i.virtualRouterId(), i.priority(),
                (int) centis, !i.nopreempt(), preemptDelay, startAsMaster, auth,
                auth == AuthType.NONE ? null : i.authentication().authPass(), vips(i, index),
                new RouteSpecs(ifindex, i.name()).routes(i.virtualRoutes()),
                new RouteSpecs(ifindex, i.name()).rules(i.virtualRules(), family), source, peers, u.unicastTtl(),
                or(u.checkUnicastSrc(), globals.vrrpCheckUnicastSrc()) || !peerTtls(i).isEmpty(), garp(i),
                or(i.skipCheckAdvAddr(), globals.vrrpSkipCheckAdvAddr()), lowerPrioNoAdvert, higherPrioSendAdvert,
                strict, !i.dontTrackPrimary(), tracked(i), notify(i.notifyScripts()), Duration.ofSeconds(30), vmac,
                peerTtls(i), StrictMode.accept(i, strict, version), dev.vigil.daemon.vip.VipBackends.identity(i.vipBackend()));
    }

    /** The VRRP version of {@code i}: 3 for IPv6, else as configured or the global default. */
    static int version(VrrpInstance i, GlobalDefs g) {
        return family(i) == IpFamily.V6 ? 3 : i.version() != null ? i.version() : g.vrrpVersion();
    }

    /**
     * The TTL ranges of peers given {@code min_ttl} or {@code max_ttl} (keepalived's defaults 0 and 255
     * for the other bound). As in keepalived, any range turns {@code check_unicast_src} on.
     */
    static List<TtlRange> peerTtls(VrrpInstance i) {
        List<TtlRange> out = new ArrayList<>();
        for (UnicastPeer p : i.unicast().unicastPeer()) {
            if (p.minTtl() == null && p.maxTtl() == null) {
                continue;
            }
            int min = p.minTtl() == null ? 0 : p.minTtl();
            int max = p.maxTtl() == null ? 255 : p.maxTtl();
            if (min > max) {
                throw new IllegalArgumentException("vrrp_instance " + i.name() + where(i) + ": unicast_peer "
                        + p.address().text() + " has min_ttl " + min + " above max_ttl " + max);
            }
            out.add(new TtlRange(inet(p.address()), min, max));
        }
        return out;
    }

    /**
     * {@code use_vmac}: a macvlan named as configured or {@code vrrp.VRID}, with the virtual router MAC
     * of the instance's family (RFC 5798 section 7.3); null without {@code use_vmac}.
     */
    static VmacSpec vmac(VrrpInstance i, IpFamily family) {
        if (!i.useVmac()) {
            return null;
        }
        String name = i.vmacInterface() != null ? i.vmacInterface() : VmacSpec.defaultName(i.virtualRouterId());
        MacAddress mac = family == IpFamily.V4 ? MacAddress.vrrpIpv4(i.virtualRouterId())
                : MacAddress.vrrpIpv6(i.virtualRouterId());
        return new VmacSpec(name, mac, i.vmacXmitBase());
    }

    private int index(String name, VrrpInstance i) {
        int index = ifindex.applyAsInt(name);
        if (index <= 0) {
            throw new IllegalArgumentException("vrrp_instance " + i.name() + where(i) + ": interface " + name
                    + " does not exist");
        }
        return index;
    }

    private static String where(VrrpInstance i) {
        return i.position() == null ? "" : " (" + i.position() + ")";
    }

    private static IpFamily family(VrrpInstance i) {
        if (!i.virtualIpaddress().isEmpty()) {
            return i.virtualIpaddress().get(0).address().family() == dev.vigil.conf.model.AddressFamily.INET6
                    ? IpFamily.V6 : IpFamily.V4;
        }
        if (!i.unicast().unicastPeer().isEmpty()) {
            return i.unicast().unicastPeer().get(0).address().family() == dev.vigil.conf.model.AddressFamily.INET6
                    ? IpFamily.V6 : IpFamily.V4;
        }
        return i.nativeIpv6() ? IpFamily.V6 : IpFamily.V4;
    }

    private List<Vip> vips(VrrpInstance i, int instanceIndex) {
        List<Vip> out = new ArrayList<>();
        for (VirtualAddress a : i.virtualIpaddress()) {
            out.add(vip(a, i, instanceIndex, true));
        }
        for (VirtualAddress a : i.virtualIpaddressExcluded()) {
            out.add(vip(a, i, instanceIndex, false));
        }
        return out;
    }

    private Vip vip(VirtualAddress a, VrrpInstance i, int instanceIndex, boolean inAdvert) {
        String dev = a.dev() != null ? a.dev() : i.interfaceName();
        int index = a.dev() != null ? index(a.dev(), i) : instanceIndex;
        InetAddress addr = inet(a.address().address());
        int len = a.address().length() != null ? a.address().length() : IpFamily.of(addr).maxPrefix();
        IfAddress ifa = new IfAddress(index, addr, len, addr instanceof java.net.Inet4Address ? a.label() : null,
                KernelNames.scope(a.scope()), a.brd() == null ? null : inet(a.brd()),
                IpFamily.of(addr) == IpFamily.V6 ? Set.of(AddressFlag.NODAD) : Set.of());
        return new Vip(ifa, dev, inAdvert);
    }

    private GarpPolicy garp(VrrpInstance i) {
        var g = i.garp();
        Duration masterDelay = or(g.garpMasterDelay(), globals.vrrpGarpMasterDelay());
        int masterRepeat = or(g.garpMasterRepeat(), globals.vrrpGarpMasterRepeat());
        return new GarpPolicy(masterDelay, masterRepeat, or(g.garpMasterRefresh(), globals.vrrpGarpMasterRefresh()),
                or(g.garpMasterRefreshRepeat(), globals.vrrpGarpMasterRefreshRepeat()),
                or(g.garpLowerPrioDelay(), or(globals.vrrpGarpLowerPrioDelay(), masterDelay)),
                or(g.garpLowerPrioRepeat(), or(globals.vrrpGarpLowerPrioRepeat(), masterRepeat)),
                globals.vrrpGarpInterval(), globals.vrrpGnaInterval());
    }

    /**
     * What instance {@code i} tracks. A member of a {@code vrrp_sync_group} also tracks what the group
     * tracks, and as in keepalived every weight of a member is 0 (a failure is a FAULT, which the group
     * spreads to all its members) unless the group sets {@code sync_group_tracking_weight}; group-level
     * weights are always 0.
     */
    private List<TrackBinding> tracked(VrrpInstance i) {
        List<TrackBinding> out = bindings(i.tracking());
        for (VrrpSyncGroup g : config.vrrpSyncGroup()) {
            if (!g.group().contains(i.name())) {
                continue;
            }
            if (!g.syncGroupTrackingWeight()) {
                out = out.stream().map(InstanceSpecs::unweighted).toList();
            }
            List<TrackBinding> all = new ArrayList<>(out);
            for (TrackBinding b : bindings(g.tracking())) {
                TrackBinding u = unweighted(b);
                if (!all.contains(u)) {
                    all.add(u);
                }
            }
            out = all;
        }
        return out;
    }

    private static TrackBinding unweighted(TrackBinding b) {
        return new TrackBinding(b.kind(), b.name(), 0, b.reverse());
    }

    private static List<TrackBinding> bindings(Tracking t) {
        List<TrackBinding> out = new ArrayList<>();
        for (TrackInterface ti : t.trackInterface()) {
            out.add(new TrackBinding("interface", ti.name(), ti.weight(), ti.reverse()));
        }
        refs(out, "script", t.trackScript());
        refs(out, "file", t.trackFile());
        refs(out, "process", t.trackProcess());
        return out;
    }

    /**
     * The tracking weights the sync groups make ineffective, one sentence each: a weight given in a
     * group, or a weight of a member instance (unless {@code sync_group_tracking_weight}).
     */
    static List<String> ignoredWeights(VigilConfig config) {
        List<String> out = new ArrayList<>();
        for (VrrpSyncGroup g : config.vrrpSyncGroup()) {
            for (TrackBinding b : bindings(g.tracking())) {
                if (b.weight() != 0 && b.weight() != TrackBinding.OBJECT_WEIGHT) {
                    out.add("vrrp_sync_group " + g.name() + ": weight " + b.weight() + " of track_" + b.kind() + " "
                            + b.name() + " ignored; a failure puts every member in FAULT");
                }
            }
            if (g.syncGroupTrackingWeight()) {
                continue;
            }
            for (VrrpInstance i : config.vrrpInstance()) {
                if (!g.group().contains(i.name())) {
                    continue;
                }
                for (TrackBinding b : bindings(i.tracking())) {
                    if (b.weight() != 0 && b.weight() != TrackBinding.OBJECT_WEIGHT) {
                        out.add("vrrp_instance " + i.name() + where(i) + ": weight " + b.weight() + " of track_"
                                + b.kind() + " " + b.name() + " set to 0: the instance is in vrrp_sync_group "
                                + g.name() + " (sync_group_tracking_weight keeps it)");
                    }
                }
            }
        }
        return out;
    }

    /** A reference without its own weight takes the tracked object's: marked with Integer.MIN_VALUE. */
    private static void refs(List<TrackBinding> out, String kind, List<TrackRef> refs) {
        for (TrackRef r : refs) {
            out.add(new TrackBinding(kind, r.name(), r.weight() == null ? TrackBinding.OBJECT_WEIGHT : r.weight(), r.reverse()));
        }
    }

    static NotifyCommands notify(dev.vigil.conf.model.NotifyScripts n) {
        return new NotifyCommands(n.notifyMaster(), n.notifyBackup(), n.notifyFault(), n.notifyStop(), n.notifyAny(),
                n.notifyMasterRxLowerPri());
    }

    static InetAddress inet(IpAddress a) {
        String text = a.text();
        int pct = text.indexOf('%');
        try {
            return InetAddress.getByName(pct < 0 ? text : text.substring(0, pct));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
