package dev.vigil.conf.validate;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.bind.Scalars;
import dev.vigil.conf.bind.Suggestions;
import dev.vigil.conf.model.AddressFamily;
import dev.vigil.conf.model.TrackRef;
import dev.vigil.conf.model.Tracking;
import dev.vigil.conf.model.UnicastPeer;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpState;
import dev.vigil.conf.model.VrrpSyncGroup;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks across VRRP instances, sync groups and what they track. */
final class VrrpChecks {
    private static final BigDecimal CENTI = new BigDecimal("0.01");

    private final VigilConfig config;
    private final Diagnostics diagnostics;

    VrrpChecks(VigilConfig config, Diagnostics diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void run() {
        Map<String, VrrpInstance> byVrid = new HashMap<>();
        for (VrrpInstance vi : config.vrrpInstance()) {
            String where = "(" + vi.name() + ") ";
            checkInstance(vi, where);
            checkTracking(vi.tracking(), where);
            if (vi.interfaceName() != null) {
                String key = vi.interfaceName() + "/" + family(vi) + "/" + vi.virtualRouterId();
                VrrpInstance other = byVrid.putIfAbsent(key, vi);
                if (other != null && peersOverlap(vi, other)) {
                    diagnostics.error(vi.position(), where + "virtual_router_id " + vi.virtualRouterId()
                            + " is already used by " + other.name() + " on " + vi.interfaceName() + " for "
                            + family(vi).label(), "each instance on an interface and family needs its own VRID");
                }
            }
        }
        checkSyncGroups();
    }

    /** The instance's family: that of its first virtual address, else IPv6 when native_ipv6, else IPv4. */
    static AddressFamily family(VrrpInstance vi) {
        if (!vi.virtualIpaddress().isEmpty()) {
            return vi.virtualIpaddress().get(0).address().family();
        }
        return vi.nativeIpv6() ? AddressFamily.INET6 : AddressFamily.INET;
    }

    private void checkInstance(VrrpInstance vi, String where) {
        if (vi.interfaceName() == null && vi.unicast().unicastPeer().isEmpty()) {
            diagnostics.error(vi.position(), where + "missing required key 'interface'",
                    "only a unicast instance may leave out its interface");
        }
        if (vi.nopreempt() && vi.state() == VrrpState.MASTER) {
            diagnostics.warning(vi.position(), where + "nopreempt will not work with initial state MASTER",
                    "use state BACKUP with nopreempt on every node");
        }
        if (vi.preemptDelay().toNanos() > 0 && vi.state() == VrrpState.MASTER) {
            diagnostics.warning(vi.position(), where + "preempt_delay will not work with initial state MASTER",
                    "use state BACKUP");
        }
        if (Scalars.seconds(vi.preemptDelay()).compareTo(BigDecimal.valueOf(1000)) > 0) {
            diagnostics.error(vi.position(), where + "preempt_delay " + Scalars.format(vi.preemptDelay())
                    + " is out of range 0..1000");
        }
        checkAdvertInt(vi, where);
        checkAddresses(vi, where);
        checkUnicast(vi, where);
    }

    private void checkAdvertInt(VrrpInstance vi, String where) {
        int version = vi.version() != null ? vi.version() : config.globalDefs().vrrpVersion();
        BigDecimal s = Scalars.seconds(vi.advertInt());
        if (version == 2 && (s.stripTrailingZeros().scale() > 0 || s.compareTo(BigDecimal.ONE) < 0
                || s.compareTo(BigDecimal.valueOf(255)) > 0)) {
            diagnostics.error(vi.position(), where + "advert_int " + Scalars.format(vi.advertInt())
                    + " is out of range for VRRPv2 (whole seconds, 1..255)", "use version 3 for sub-second adverts");
        } else if (version == 3 && (s.remainder(CENTI).signum() != 0 || s.compareTo(CENTI) < 0
                || s.compareTo(new BigDecimal("40.95")) > 0)) {
            diagnostics.error(vi.position(), where + "advert_int " + Scalars.format(vi.advertInt())
                    + " is out of range for VRRPv3 (0.01..40.95, in hundredths)");
        }
        if (version == 3 && vi.authentication() != null) {
            diagnostics.warning(vi.authentication().position(), where + "authentication is ignored with VRRPv3", "");
        }
    }

    private void checkAddresses(VrrpInstance vi, String where) {
        if (vi.virtualIpaddress().isEmpty()) {
            diagnostics.warning(vi.position(), where + "no virtual_ipaddress", "the instance only elects a master");
            return;
        }
        AddressFamily first = vi.virtualIpaddress().get(0).address().family();
        for (VirtualAddress a : vi.virtualIpaddress()) {
            if (a.address().family() != first) {
                diagnostics.error(a.position(), where + "virtual_ipaddress " + a.address() + " is " + a.address().family().label()
                        + " but the instance's first address is " + first.label(),
                        "move the other family's addresses to virtual_ipaddress_excluded");
            }
        }
    }

    private void checkUnicast(VrrpInstance vi, String where) {
        AddressFamily family = family(vi);
        for (UnicastPeer p : vi.unicast().unicastPeer()) {
            if (p.address().family() != family) {
                diagnostics.error(p.position(), where + "unicast_peer " + p.address() + " is " + p.address().family().label()
                        + " but the instance is " + family.label(), "peers must be of the instance's family");
            }
        }
        if (vi.unicast().unicastSrcIp() != null && vi.unicast().unicastSrcIp().family() != family) {
            diagnostics.error(vi.position(), where + "unicast_src_ip " + vi.unicast().unicastSrcIp() + " is "
                    + vi.unicast().unicastSrcIp().family().label() + " but the instance is " + family.label(), "");
        }
        boolean strict = vi.strictMode() != null ? vi.strictMode() : config.globalDefs().vrrpStrict();
        if (strict && !vi.unicast().unicastPeer().isEmpty()) {
            diagnostics.error(vi.position(), where + "unicast_peer is not allowed in strict mode",
                    "remove vrrp_strict / strict_mode or the peers");
        }
        if (strict && vi.authentication() != null) {
            diagnostics.warning(vi.position(), where + "authentication is ignored in strict mode", "");
        }
    }

    private static boolean peersOverlap(VrrpInstance a, VrrpInstance b) {
        List<UnicastPeer> pa = a.unicast().unicastPeer();
        List<UnicastPeer> pb = b.unicast().unicastPeer();
        if (pa.isEmpty() || pb.isEmpty()) {
            return pa.isEmpty() == pb.isEmpty();
        }
        Set<String> sa = pa.stream().map(p -> p.address().text()).collect(Collectors.toSet());
        return pb.stream().anyMatch(p -> sa.contains(p.address().text()));
    }

    private void checkTracking(Tracking t, String where) {
        checkRefs(t.trackScript(), "vrrp_script", names(config.vrrpScript().stream().map(s -> s.name())), where);
        checkRefs(t.trackFile(), "track_file", names(config.trackFile().stream().map(s -> s.name())), where);
        checkRefs(t.trackProcess(), "track_process", names(config.trackProcess().stream().map(s -> s.name())), where);
    }

    private void checkRefs(List<TrackRef> refs, String what, Set<String> known, String where) {
        for (TrackRef r : refs) {
            if (!known.contains(r.name())) {
                String hint = Suggestions.hint(r.name(), known);
                diagnostics.error(r.position(), where + "unknown " + what + " '" + r.name() + "'",
                        hint.isEmpty() ? "define it with " + what + " " + r.name() : hint);
            }
        }
    }

    private void checkSyncGroups() {
        Set<String> instances = names(config.vrrpInstance().stream().map(VrrpInstance::name));
        Map<String, String> memberOf = new HashMap<>();
        for (VrrpSyncGroup g : config.vrrpSyncGroup()) {
            String where = "(" + g.name() + ") ";
            checkTracking(g.tracking(), where);
            for (String member : g.group()) {
                if (!instances.contains(member)) {
                    diagnostics.error(g.position(), where + "unknown vrrp_instance '" + member + "' in group",
                            Suggestions.hint(member, instances));
                } else if (memberOf.putIfAbsent(member, g.name()) != null) {
                    diagnostics.error(g.position(), where + "vrrp_instance " + member + " is already in sync group "
                            + memberOf.get(member), "an instance belongs to one sync group at most");
                }
            }
        }
    }

    private static Set<String> names(java.util.stream.Stream<String> names) {
        return names.collect(Collectors.toSet());
    }
}
