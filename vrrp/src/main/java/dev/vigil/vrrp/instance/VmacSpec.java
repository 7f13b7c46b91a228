package dev.vigil.vrrp.instance;

import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.rtnl.Macvlan;
import java.util.Objects;

/**
 * keepalived's {@code use_vmac}: the instance runs on a macvlan carrying the VRRP virtual router MAC
 * (RFC 5798 section 7.3), so the segment keeps one MAC address for the virtual addresses whichever
 * router is master.
 *
 * @param interfaceName the macvlan's name ({@code vrrp.VRID} unless configured)
 * @param mac           its MAC address, {@code 00:00:5e:00:01:VRID} for IPv4
 * @param xmitBase      {@code vmac_xmit_base}: adverts go out of and come in on the base interface
 */
public record VmacSpec(String interfaceName, MacAddress mac, boolean xmitBase) {
    public VmacSpec {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(mac, "mac");
        if (interfaceName.isEmpty() || interfaceName.length() > Macvlan.MAX_NAME) {
            throw new IllegalArgumentException("use_vmac interface name must be 1.." + Macvlan.MAX_NAME
                    + " characters: '" + interfaceName + "'");
        }
    }

    /** keepalived's default name for the macvlan of virtual router {@code vrid}. */
    public static String defaultName(int vrid) {
        return "vrrp." + vrid;
    }
}
