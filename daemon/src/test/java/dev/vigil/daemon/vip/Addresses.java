package dev.vigil.daemon.vip;

import dev.vigil.plugin.vip.VirtualAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Virtual addresses for tests. */
final class Addresses {
    private Addresses() {
    }

    static VirtualAddress vip(String owner, String address, int prefix, String dev) {
        try {
            return new VirtualAddress(owner, InetAddress.getByName(address), prefix, dev, Optional.empty(), "global",
                    Optional.empty());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
