package dev.vigil.vrrp.instance;

import java.util.List;

/**
 * Remembers which virtual addresses this daemon put into the kernel, so that the next start can
 * remove the ones a crash (kill -9) left behind, even when their instance or address has left the
 * configuration since. An address is recorded before it is added and forgotten after it is
 * removed, so no moment exists where the kernel has it and the record does not. Called on the
 * instance's event loop: an implementation must be quick.
 */
public interface AddressRecord {
    /** Records nothing. */
    AddressRecord NONE = new AddressRecord() {
        @Override
        public void adding(String instance, List<Vip> vips) {
        }

        @Override
        public void removed(String instance, List<Vip> vips) {
        }
    };

    /** {@code vips} of {@code instance} are about to be added. */
    void adding(String instance, List<Vip> vips);

    /** {@code vips} of {@code instance} are gone from the kernel. */
    void removed(String instance, List<Vip> vips);
}
