package dev.vigil.kernel.rtnl;

/** {@code enum macvlan_mode} of linux/if_link.h: how macvlans on one lower device reach each other. */
public enum MacvlanMode {
    /** No traffic between macvlans of the same lower device (keepalived's VMAC mode). */
    PRIVATE(1),
    /** Traffic between macvlans goes out to the switch and back. */
    VEPA(2),
    /** Macvlans of the same lower device talk to each other directly. */
    BRIDGE(4),
    /** One macvlan takes over the lower device. */
    PASSTHRU(8);

    private final int value;

    MacvlanMode(int value) {
        this.value = value;
    }

    /** The kernel's value ({@code MACVLAN_MODE_*}). */
    public int value() {
        return value;
    }
}
