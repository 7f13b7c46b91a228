package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.IpAddress;
import dev.vigil.conf.model.TrackInterface;
import dev.vigil.conf.model.TrackRef;
import dev.vigil.conf.model.Unicast;
import dev.vigil.conf.model.UnicastPeer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.model.VrrpInstance;
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
        int version = family == IpFamily.V6 ? 3 : i.version() != null ? i.version() : globals.vrrpVersion();
        long centis = Math.max(1, i.advertInt().toMillis() / 10);
        if (version == 2) {
            centis = Math.max(1, Math.round(centis / 100.0)) * 100;
        }
        Unicast u = i.unicast();
        InetAddress source = u.unicastSrcIp() != null ? inet(u.unicastSrcIp()) : u.mcastSrcIp() != null ? inet(u.mcastSrcIp()) : null;
        List<InetAddress> peers = u.unicastPeer().stream().map(UnicastPeer::address).map(InstanceSpecs::inet).toList();
        boolean strict = i.strictMode() != null ? i.strictMode() : globals.vrrpStrict();
        AuthType auth = version == 2 && i.authentication() != null
                ? (i.authentication().authType() == dev.vigil.conf.model.AuthType.AH ? AuthType.AH : AuthType.PASS)
                : AuthType.NONE;
        return new InstanceSpec(i.name(), i.interfaceName(), index, family, version, i.virtualRouterId(), i.priority(),
                (int) centis, !i.nopreempt(), i.preemptDelay(), i.state() == dev.vigil.conf.model.VrrpState.MASTER, auth,
                auth == AuthType.NONE ? null : i.authentication().authPass(), vips(i, index),
                new RouteSpecs(ifindex, i.name()).routes(i.virtualRoutes()),
                new RouteSpecs(ifindex, i.name()).rules(i.virtualRules(), family), source, peers, u.unicastTtl(),
                or(u.checkUnicastSrc(), globals.vrrpCheckUnicastSrc()), garp(i), or(i.skipCheckAdvAddr(), globals.vrrpSkipCheckAdvAddr()),
                or(i.lowerPrioNoAdvert(), globals.vrrpLowerPrioNoAdvert()),
                or(i.higherPrioSendAdvert(), globals.vrrpHigherPrioSendAdvert()), strict, !i.dontTrackPrimary(),
                tracked(i), notify(i.notifyScripts()), Duration.ofSeconds(30), vmac(i, family),
                dev.vigil.daemon.vip.VipBackends.identity(i.vipBackend()));
    }

    /**
     * {@code use_vmac} of an IPv4 instance: a macvlan named as configured or {@code vrrp.VRID}, with
     * the IPv4 virtual router MAC (RFC 5798 section 7.3); null otherwise (see {@link #notImplemented}).
     */
    static VmacSpec vmac(VrrpInstance i, IpFamily family) {
        if (!i.useVmac() || family != IpFamily.V4) {
            return null;
        }
        String name = i.vmacInterface() != null ? i.vmacInterface() : VmacSpec.defaultName(i.virtualRouterId());
        return new VmacSpec(name, MacAddress.vrrpIpv4(i.virtualRouterId()), i.vmacXmitBase());
    }

    /**
     * What the configuration asks of instance {@code i} that the engine does not do, one sentence each,
     * for the daemon to warn about: the instance still runs, but not as configured.
     */
    public static List<String> notImplemented(VrrpInstance i) {
        List<String> out = new ArrayList<>();
        if (i.useVmac() && family(i) == IpFamily.V6) {
            out.add("vrrp_instance " + i.name() + where(i) + ": use_vmac is not implemented for IPv6; the instance"
                    + " runs on " + i.interfaceName() + " with its own MAC address");
        }
        return out;
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

    private static List<TrackBinding> tracked(VrrpInstance i) {
        List<TrackBinding> out = new ArrayList<>();
        for (TrackInterface t : i.tracking().trackInterface()) {
            out.add(new TrackBinding("interface", t.name(), t.weight(), t.reverse()));
        }
        refs(out, "script", i.tracking().trackScript());
        refs(out, "file", i.tracking().trackFile());
        refs(out, "process", i.tracking().trackProcess());
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
