package dev.vigil.kernel.rtnl;

import java.util.List;

/**
 * Adds and removes IP addresses on interfaces: the backend of VRRP virtual addresses. Failures
 * are {@link dev.vigil.kernel.libc.KernelException}s naming the operation and errno, e.g.
 * {@code RTM_NEWADDR 10.0.0.1/24 dev eth0 failed: EEXIST (File exists)}.
 * An in-memory implementation for tests is {@link FakeAddressTable}.
 */
public interface AddressTable {

    /** Adds {@code address}; fails with {@code EEXIST} when the interface already has it. */
    void add(IfAddress address);

    /** Removes {@code address} (matched by interface, address and prefix length); fails with {@code EADDRNOTAVAIL} when absent. */
    void delete(IfAddress address);

    /**
     * Makes sure {@code address} is present: adds it, and treats "already there" ({@code EEXIST})
     * as success. An existing address keeps its label and flags.
     *
     * @return true when this call added it, false when it was already present
     */
    boolean ensurePresent(IfAddress address);

    /**
     * Makes sure {@code address} is absent: deletes it, and treats "not there" ({@code EADDRNOTAVAIL},
     * or {@code ENODEV} because the interface is gone) as success.
     *
     * @return true when this call removed it, false when it was already absent
     */
    boolean ensureAbsent(IfAddress address);

    /** All IPv4 and IPv6 addresses of all interfaces. */
    List<IfAddress> list();

    /** The addresses of interface {@code ifindex}. */
    default List<IfAddress> list(int ifindex) {
        return list().stream().filter(a -> a.ifindex() == ifindex).toList();
    }
}
