package dev.vigil.daemon.vrrp;

import dev.vigil.conf.model.AddressFamily;
import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.VirtualAddress;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vrrp_strict} / {@code strict_mode} as keepalived 2.2.7 applies it to an instance's settings:
 * what strict RFC compliance forbids is reset (with a warning, keepalived's "resetting"), not refused.
 * Checked against {@code keepalived -t} and its logs: authentication ignored, {@code preempt_delay}
 * reset, {@code state MASTER} only for the address owner (priority 255), {@code accept} not with
 * VRRPv2, {@code higher_prio_send_advert} cleared, {@code lower_prio_no_advert} set,
 * {@code vmac_xmit_base} cleared (each with a warning when it was configured); without {@code accept}/{@code no_accept} accept mode is on only
 * for the address owner. A first IPv6 virtual address that is not link-local is warned about only,
 * as keepalived does. The configuration check already warns about authentication and refuses unicast
 * peers in strict mode, as the man page says (keepalived 2.2.7 itself runs them).
 */
final class StrictMode {
    private StrictMode() {
    }

    /** True when strict mode applies to {@code i}. */
    static boolean on(VrrpInstance i, GlobalDefs g) {
        return i.strictMode() != null ? i.strictMode() : g.vrrpStrict();
    }

    /**
     * The accept mode of {@code i}: as configured, else on (keepalived's default) unless strict, where
     * only the owner accepts; in strict mode VRRPv2 never accepts.
     */
    static boolean accept(VrrpInstance i, boolean strict, int version) {
        if (!strict) {
            return i.accept() == null || i.accept();
        }
        if (version == 2) {
            return false;
        }
        return i.accept() != null ? i.accept() : i.priority() == 255;
    }

    /** What strict mode changes in {@code i}'s configuration, one sentence each; empty when not strict. */
    static List<String> resets(VrrpInstance i, GlobalDefs g, int version) {
        List<String> out = new ArrayList<>();
        if (!on(i, g)) {
            return out;
        }
        String who = "vrrp_instance " + i.name() + (i.position() == null ? "" : " (" + i.position() + ")")
                + ": strict mode ";
        if (i.state() == VrrpState.MASTER && i.priority() != 255) {
            out.add(who + "allows state MASTER only for the address owner (priority 255); starting as BACKUP");
        }
        if (!i.preemptDelay().isZero()) {
            out.add(who + "does not support preempt_delay; reset to 0");
        }
        if (version == 2 && Boolean.TRUE.equals(i.accept())) {
            out.add(who + "does not allow accept with VRRP version 2; reset");
        }
        if (Boolean.TRUE.equals(i.higherPrioSendAdvert()) || i.higherPrioSendAdvert() == null && g.vrrpHigherPrioSendAdvert()) {
            out.add(who + "requires higher_prio_send_advert to be clear; reset");
        }
        if (Boolean.FALSE.equals(i.lowerPrioNoAdvert())) {
            out.add(who + "requires lower_prio_no_advert; set");
        }
        if (i.useVmac() && i.vmacXmitBase()) {
            out.add(who + "does not support vmac_xmit_base; reset");
        }
        List<VirtualAddress> vips = i.virtualIpaddress();
        if (!vips.isEmpty() && vips.get(0).address().family() == AddressFamily.INET6
                && !InstanceSpecs.inet(vips.get(0).address().address()).isLinkLocalAddress()) {
            out.add(who + "expects the first IPv6 virtual address to be link-local (RFC 5798 section 5.2.9)");
        }
        return out;
    }
}
