package dev.vigil.plugin.vip;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One virtual address of an instance, as keepalived's {@code virtual_ipaddress} entries write it
 * ({@code 10.0.0.10/24 dev eth0 label eth0:vip scope global brd 10.0.0.255}).
 *
 * @param owner  the VRRP instance that holds it
 * @param device the interface (the instance's own unless {@code dev} says otherwise)
 * @param scope  {@code global}, {@code link}, {@code host}, ...
 */
public record VirtualAddress(String owner, InetAddress address, int prefixLength, String device,
                             Optional<String> label, String scope, Optional<InetAddress> broadcast) {
    public VirtualAddress {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(broadcast, "broadcast");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " dev " + device + label.map(l -> " label " + l).orElse("");
    }
}
