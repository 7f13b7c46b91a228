package dev.vigil.daemon.vip;

import dev.vigil.kernel.rtnl.AddressFlag;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VirtualAddress;
import java.net.Inet6Address;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The netlink VIP backend as a {@link VipBackend}: addresses in the kernel's own address table.
 * VRRP instances with this backend (the default) do not go through it: they change the table
 * directly on their event loop, with no thread hop, and announce the addresses (GARP / NA)
 * themselves. The daemon uses it for what is not on that path: removing stale addresses at
 * start-up.
 */
public final class NetlinkVipBackend implements VipBackend {
    private final AddressTable table;
    private final ToIntFunction<String> ifindex;
    private final Runnable onClose;

    /** @param ifindex the index of an interface by name, 0 or less when there is none */
    public NetlinkVipBackend(AddressTable table, ToIntFunction<String> ifindex) {
        this(table, ifindex, () -> { });
    }

    /** @param onClose releases {@code table} */
    public NetlinkVipBackend(AddressTable table, ToIntFunction<String> ifindex, Runnable onClose) {
        this.table = Objects.requireNonNull(table, "table");
        this.ifindex = Objects.requireNonNull(ifindex, "ifindex");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public void add(VirtualAddress address) {
        table.ensurePresent(ifAddress(address, ifindex(address)));
    }

    /** Removes the address; an interface that no longer exists took the address with it. */
    @Override
    public void remove(VirtualAddress address) {
        int index = ifindex.applyAsInt(address.device());
        if (index > 0) {
            table.ensureAbsent(ifAddress(address, index));
        }
    }

    /** The kernel does not say who added an address: the daemon's record answers instead. */
    @Override
    public Set<VirtualAddress> held(String owner) {
        return Set.of();
    }

    private int ifindex(VirtualAddress a) {
        int index = ifindex.applyAsInt(a.device());
        if (index <= 0) {
            throw new IllegalArgumentException("interface " + a.device() + " does not exist");
        }
        return index;
    }

    static IfAddress ifAddress(VirtualAddress a, int index) {
        return new IfAddress(index, a.address(), a.prefixLength(), a.label().orElse(null),
                dev.vigil.daemon.vrrp.KernelNames.scope(a.scope()), a.broadcast().orElse(null), a.address() instanceof Inet6Address ? Set.of(AddressFlag.NODAD) : Set.of());
    }
}
