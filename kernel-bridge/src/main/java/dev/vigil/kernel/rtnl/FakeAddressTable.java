package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;

import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link AddressTable} for tests, with the kernel's errors: {@code ENODEV} for an
 * unknown interface, {@code EEXIST} for an address already there, {@code EADDRNOTAVAIL} for
 * deleting one that is not. Its addresses live in a {@link FakeLinkMonitor}, so monitor
 * listeners see the changes it makes (as the kernel's notifications would show them).
 */
public final class FakeAddressTable implements AddressTable {
    private final FakeLinkMonitor links;

    /** A table over {@code links}: interfaces must exist there. */
    public FakeAddressTable(FakeLinkMonitor links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    /** The monitor holding this table's links and addresses. */
    public FakeLinkMonitor links() {
        return links;
    }

    @Override
    public synchronized void add(IfAddress address) {
        if (!ensurePresent(address)) {
            throw error("RTM_NEWADDR", address, Errno.EEXIST);
        }
    }

    @Override
    public synchronized void delete(IfAddress address) {
        if (!ensureAbsent(address)) {
            throw error("RTM_DELADDR", address, links.link(address.ifindex()).isPresent() ? Errno.EADDRNOTAVAIL : Errno.ENODEV);
        }
    }

    @Override
    public synchronized boolean ensurePresent(IfAddress address) {
        if (links.link(address.ifindex()).isEmpty()) {
            throw error("RTM_NEWADDR", address, Errno.ENODEV);
        }
        if (find(address) != null) {
            return false;
        }
        String label = address.label() != null || address.family() != IpFamily.V4 ? address.label()
                : links.nameOf(address.ifindex());
        links.putAddress(address.withLabel(label).withFlags(AddressFlag.PERMANENT));
        return true;
    }

    @Override
    public synchronized boolean ensureAbsent(IfAddress address) {
        IfAddress existing = find(address);
        if (existing == null) {
            return false;
        }
        links.removeAddress(existing);
        return true;
    }

    private IfAddress find(IfAddress address) {
        return links.addresses().stream().filter(a -> a.sameAs(address)).findFirst().orElse(null);
    }

    @Override
    public List<IfAddress> list() {
        return links.addresses();
    }

    private NetlinkException error(String op, IfAddress a, int errno) {
        return new NetlinkException(AddressCodec.describe(op, a, links.nameOf(a.ifindex())), errno, null);
    }
}
