package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.ServiceKey;

/**
 * The last address-and-port virtual service parsed, by its option and text: the lines of a rules
 * file name the same service one after another (a service, then each of its real servers), so
 * its address is parsed once instead of once per line. One per rules file, not thread-safe.
 */
final class ServiceKeyMemo {
    private Option option;
    private String text;
    private ServiceKey.Inet key;

    /** The key remembered for {@code option} and {@code text}, or {@code null}. */
    ServiceKey.Inet get(Option option, String text) {
        return option == this.option && text.equals(this.text) ? key : null;
    }

    void put(Option option, String text, ServiceKey.Inet key) {
        this.option = option;
        this.text = text;
        this.key = key;
    }
}
