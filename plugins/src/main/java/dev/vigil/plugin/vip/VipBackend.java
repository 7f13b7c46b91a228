package dev.vigil.plugin.vip;

import java.util.Set;

/**
 * Puts virtual addresses in place when an instance becomes master and takes them away when it
 * stops being one. Calls come from a thread of the host's, never VRRP's own, and may block up to
 * the host's limit. Both operations are idempotent: adding a present address or removing an
 * absent one succeeds.
 */
public interface VipBackend extends AutoCloseable {
    void add(VirtualAddress address) throws Exception;

    void remove(VirtualAddress address) throws Exception;

    /**
     * The addresses this backend holds now for {@code owner} (an instance name), as far as it can
     * tell. At start-up the host removes the ones no running instance should hold: stale
     * addresses left by a crash.
     */
    Set<VirtualAddress> held(String owner) throws Exception;

    @Override
    default void close() {
    }
}
