package dev.vigil.kernel.ipvs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Virtual service flags ({@code IP_VS_SVC_F_*}). The scheduler flags mean what the scheduler
 * makes of them: for {@code sh} and {@code mh}, flag 1 is "fallback" and flag 2 is "port".
 */
public enum ServiceFlag {
    PERSISTENT(IpvsConstants.SVC_F_PERSISTENT),
    ONEPACKET(IpvsConstants.SVC_F_ONEPACKET),
    SCHED1(IpvsConstants.SVC_F_SCHED1),
    SCHED2(IpvsConstants.SVC_F_SCHED2),
    SCHED3(IpvsConstants.SVC_F_SCHED3);

    /** {@link #values()} once: lookups by number copy no array. */
    private static final ServiceFlag[] ALL = values();

    /** {@code IP_VS_SVC_F_SCHED_SH_FALLBACK}. */
    public static final ServiceFlag SH_FALLBACK = SCHED1;
    /** {@code IP_VS_SVC_F_SCHED_SH_PORT}. */
    public static final ServiceFlag SH_PORT = SCHED2;
    /** Maglev hashing fallback (same bit as sh-fallback). */
    public static final ServiceFlag MH_FALLBACK = SCHED1;
    /** Maglev hashing with port (same bit as sh-port). */
    public static final ServiceFlag MH_PORT = SCHED2;

    private final int bit;

    ServiceFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The kernel bit mask of {@code flags}. */
    public static int toBits(Set<ServiceFlag> flags) {
        int bits = 0;
        for (ServiceFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    /** The flags set in {@code bits}; other bits (such as {@code IP_VS_SVC_F_HASHED}) are dropped. */
    public static Set<ServiceFlag> fromBits(int bits) {
        EnumSet<ServiceFlag> set = EnumSet.noneOf(ServiceFlag.class);
        for (ServiceFlag f : ALL) {
            if ((bits & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
