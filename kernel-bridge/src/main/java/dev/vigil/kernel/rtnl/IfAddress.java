package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An IP address on an interface, such as a VRRP virtual address.
 *
 * @param ifindex      interface index
 * @param address      the local address ({@code IFA_LOCAL} for IPv4, {@code IFA_ADDRESS} for IPv6)
 * @param prefixLength network prefix length
 * @param label        IPv4 label such as {@code eth0:vip} ({@code IFA_LABEL}), or {@code null}; the
 *                     kernel reports the interface name for addresses added without one
 * @param scope        address scope, usually {@link Scope#UNIVERSE}
 * @param broadcast    IPv4 broadcast address, or {@code null} for none
 * @param flags        {@code IFA_F_*} flags: request {@link AddressFlag#NODAD} or
 *                     {@link AddressFlag#NOPREFIXROUTE}; the kernel reports e.g. SECONDARY, PERMANENT
 */
public record IfAddress(int ifindex, InetAddress address, int prefixLength, String label, Scope scope,
                        InetAddress broadcast, Set<AddressFlag> flags) {

    public IfAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(flags, "flags");
        if (ifindex <= 0) {
            throw new IllegalArgumentException("ifindex must be positive: " + ifindex);
        }
        int max = IpFamily.of(address).maxPrefix();
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max);
        }
        if (broadcast != null && !(address instanceof Inet4Address && broadcast instanceof Inet4Address)) {
            throw new IllegalArgumentException("a broadcast address needs IPv4: " + broadcast);
        }
        if (label != null && label.isEmpty()) {
            label = null;
        }
        if (label != null && !(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("address labels are IPv4 only: " + label);
        }
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** {@code ADDRESS/LEN} on {@code ifindex}, global scope, no label, broadcast or flags. */
    public static IfAddress of(int ifindex, String addressSlashLength) {
        int slash = addressSlashLength.indexOf('/');
        InetAddress a = Addresses.parse(slash < 0 ? addressSlashLength : addressSlashLength.substring(0, slash));
        int len = slash < 0 ? IpFamily.of(a).maxPrefix() : Integer.parseInt(addressSlashLength.substring(slash + 1));
        return new IfAddress(ifindex, a, len, null, Scope.UNIVERSE, null, Set.of());
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    public IfAddress withLabel(String label) {
        return new IfAddress(ifindex, address, prefixLength, label, scope, broadcast, flags);
    }

    public IfAddress withScope(Scope scope) {
        return new IfAddress(ifindex, address, prefixLength, label, scope, broadcast, flags);
    }

    public IfAddress withBroadcast(InetAddress broadcast) {
        return new IfAddress(ifindex, address, prefixLength, label, scope, broadcast, flags);
    }

    /** With the broadcast address of the prefix (all host bits set), as {@code ip addr add ... brd +}. */
    public IfAddress withDefaultBroadcast() {
        if (family() != IpFamily.V4 || prefixLength >= 31) {
            return withBroadcast(null);
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 4; i++) {
            int hostBits = Math.max(0, Math.min(8, (i + 1) * 8 - prefixLength));
            b[i] |= (byte) ((1 << hostBits) - 1);
        }
        return withBroadcast(Addresses.of(b));
    }

    public IfAddress withFlags(AddressFlag... flags) {
        EnumSet<AddressFlag> s = EnumSet.noneOf(AddressFlag.class);
        s.addAll(this.flags);
        s.addAll(java.util.List.of(flags));
        return new IfAddress(ifindex, address, prefixLength, label, scope, broadcast, s);
    }

    public boolean has(AddressFlag flag) {
        return flags.contains(flag);
    }

    /** Same interface, address and prefix length: the kernel's identity of an address. */
    public boolean sameAs(IfAddress other) {
        return ifindex == other.ifindex && prefixLength == other.prefixLength && address.equals(other.address);
    }

    /** {@code ADDRESS/LEN}. */
    public String cidr() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return cidr() + " dev #" + ifindex + (label == null ? "" : " label " + label)
                + (scope.equals(Scope.UNIVERSE) ? "" : " scope " + scope)
                + (broadcast == null ? "" : " brd " + broadcast.getHostAddress())
                + (flags.isEmpty() ? "" : " " + flags);
    }
}
