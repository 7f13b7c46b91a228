package dev.vigil.kernel.rtnl;

import java.util.EnumSet;
import java.util.Set;

/** Address flags ({@code IFA_F_*} in linux/if_addr.h). */
public enum AddressFlag {
    SECONDARY(0x01),
    NODAD(0x02),
    OPTIMISTIC(0x04),
    DADFAILED(0x08),
    HOMEADDRESS(0x10),
    DEPRECATED(0x20),
    TENTATIVE(0x40),
    PERMANENT(0x80),
    MANAGETEMPADDR(0x100),
    NOPREFIXROUTE(0x200),
    MCAUTOJOIN(0x400),
    STABLE_PRIVACY(0x800);

    private final int bit;

    AddressFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The flags set in {@code bits}; unknown bits are dropped. */
    public static Set<AddressFlag> fromBits(int bits) {
        EnumSet<AddressFlag> s = EnumSet.noneOf(AddressFlag.class);
        for (AddressFlag f : values()) {
            if ((bits & f.bit) != 0) {
                s.add(f);
            }
        }
        return s;
    }

    public static int toBits(Set<AddressFlag> flags) {
        int bits = 0;
        for (AddressFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }
}
