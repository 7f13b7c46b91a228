package dev.vigil.kernel.nft;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An in-memory {@link VipFilter}: remembers which addresses are dropped for which owner. */
public final class FakeVipFilter implements VipFilter {
    private final Map<String, List<InetAddress>> owners = new LinkedHashMap<>();

    @Override
    public synchronized void set(String owner, List<InetAddress> addresses) {
        Objects.requireNonNull(owner, "owner");
        if (addresses.isEmpty()) {
            owners.remove(owner);
        } else {
            owners.put(owner, List.copyOf(addresses));
        }
    }

    /** Every address dropped now. */
    public synchronized Set<InetAddress> dropped() {
        Set<InetAddress> all = new LinkedHashSet<>();
        owners.values().forEach(all::addAll);
        return all;
    }

    @Override
    public synchronized void close() {
        owners.clear();
    }
}
