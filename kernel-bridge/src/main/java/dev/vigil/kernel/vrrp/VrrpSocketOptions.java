package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link VrrpSocket} is opened. Build with {@link #builder(IpFamily, String)} or
 * {@link #builder(IpFamily, int)}.
 *
 * @param family         IPv4 or IPv6
 * @param interfaceName  the interface adverts go out of and come in on; null when given by index
 * @param interfaceIndex the interface by index; 0 when given by name
 * @param sourceAddress  source of sent packets (keepalived's mcast_src_ip / unicast_src_ip);
 *                       null lets the kernel choose (the primary address, or the link-local for IPv6
 *                       multicast). Set per packet with IP_PKTINFO / IPV6_PKTINFO
 * @param bindSource     also bind(2) the socket to {@code sourceAddress}. A bound raw socket only
 *                       receives packets sent to that address, so only for send-only or
 *                       unicast-only sockets
 * @param unicastTtl     TTL / hop limit of unicast sends (keepalived's unicast_ttl); multicast
 *                       always uses 255 (RFC 5798 section 5.1.1.3)
 * @param bindToDevice   SO_BINDTODEVICE to the interface: receive only what arrives on it
 * @param multicastLoop  IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP; off: a node does not hear itself
 * @param dropInvalidTtl make {@link VrrpSocket#receive} silently discard packets whose TTL / hop
 *                       limit is not 255 instead of reporting them
 */
public record VrrpSocketOptions(IpFamily family, String interfaceName, int interfaceIndex,
                                InetAddress sourceAddress, boolean bindSource, int unicastTtl,
                                boolean bindToDevice, boolean multicastLoop, boolean dropInvalidTtl) {
    public VrrpSocketOptions {
        Objects.requireNonNull(family, "family");
        if (interfaceName == null && interfaceIndex <= 0) {
            throw new IllegalArgumentException("an interface name or a positive index is required");
        }
        if (interfaceName != null && (interfaceName.isEmpty() || interfaceName.length() > 15)) {
            throw new IllegalArgumentException("interface name must have 1 to 15 characters: " + interfaceName);
        }
        if (sourceAddress != null && !family.matches(sourceAddress)) {
            throw new IllegalArgumentException("source " + sourceAddress + " is not " + family);
        }
        if (sourceAddress != null && sourceAddress.isMulticastAddress()) {
            throw new IllegalArgumentException("source " + sourceAddress + " is multicast");
        }
        if (bindSource && sourceAddress == null) {
            throw new IllegalArgumentException("bindSource needs a source address");
        }
        if (unicastTtl < 1 || unicastTtl > 255) {
            throw new IllegalArgumentException("unicastTtl must be 1..255: " + unicastTtl);
        }
    }

    /** Options for {@code family} on interface {@code interfaceName}, with the defaults. */
    public static Builder builder(IpFamily family, String interfaceName) {
        return new Builder(family, Objects.requireNonNull(interfaceName, "interfaceName"), 0);
    }

    /** Options for {@code family} on the interface with {@code interfaceIndex}, with the defaults. */
    public static Builder builder(IpFamily family, int interfaceIndex) {
        return new Builder(family, null, interfaceIndex);
    }

    /** The source address, when one was chosen. */
    public Optional<InetAddress> source() {
        return Optional.ofNullable(sourceAddress);
    }

    /** The interface as given: its name, or {@code #index}. */
    public String interfaceLabel() {
        return interfaceName != null ? interfaceName : "#" + interfaceIndex;
    }

    /**
     * Builder; defaults: no source address, unicast TTL 255, bound to the device, multicast loop
     * off, packets with a TTL other than 255 reported (not dropped).
     */
    public static final class Builder {
        private final IpFamily family;
        private final String interfaceName;
        private final int interfaceIndex;
        private InetAddress sourceAddress;
        private boolean bindSource;
        private int unicastTtl = VrrpSocket.TTL;
        private boolean bindToDevice = true;
        private boolean multicastLoop;
        private boolean dropInvalidTtl;

        private Builder(IpFamily family, String interfaceName, int interfaceIndex) {
            this.family = Objects.requireNonNull(family, "family");
            this.interfaceName = interfaceName;
            this.interfaceIndex = interfaceIndex;
        }

        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        public Builder bindSource(boolean bind) {
            this.bindSource = bind;
            return this;
        }

        public Builder unicastTtl(int ttl) {
            this.unicastTtl = ttl;
            return this;
        }

        public Builder bindToDevice(boolean bind) {
            this.bindToDevice = bind;
            return this;
        }

        public Builder multicastLoop(boolean loop) {
            this.multicastLoop = loop;
            return this;
        }

        public Builder dropInvalidTtl(boolean drop) {
            this.dropInvalidTtl = drop;
            return this;
        }

        public VrrpSocketOptions build() {
            return new VrrpSocketOptions(family, interfaceName, interfaceIndex, sourceAddress, bindSource,
                    unicastTtl, bindToDevice, multicastLoop, dropInvalidTtl);
        }
    }
}
