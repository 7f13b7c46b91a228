package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.IpFamily;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A virtual service: its key, scheduler and persistence settings, and (when read from the
 * kernel) its counters.
 *
 * @param scheduler scheduler name ({@code rr}, {@code wrr}, {@code wlc}, {@code mh}, ...)
 * @param flags     persistence, one-packet scheduling and scheduler flags
 * @param timeout   persistence timeout in seconds (meaningful with {@link ServiceFlag#PERSISTENT})
 * @param netmask   persistence granularity: for IPv4 the mask as a 32-bit value ({@code 0xffffff00}
 *                  for 255.255.255.0), for IPv6 a prefix length (1..128)
 * @param peName    persistence engine ({@code sip}), or {@code null}
 */
public record Service(ServiceKey key, String scheduler, Set<ServiceFlag> flags, int timeout, int netmask,
                      String peName, Stats stats) {
    /** ipvsadm's default scheduler. */
    public static final String DEFAULT_SCHEDULER = "wlc";
    /** ipvsadm's default persistence timeout, seconds. */
    public static final int DEFAULT_PERSISTENCE_TIMEOUT = 360;

    public Service {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(stats, "stats");
        if (peName != null && peName.isEmpty()) {
            peName = null;
        }
    }

    /** A service with {@code scheduler} and defaults otherwise: not persistent, full netmask. */
    public static Service of(ServiceKey key, String scheduler) {
        return new Service(key, scheduler, Set.of(), 0, defaultNetmask(key.family()), null, Stats.ZERO);
    }

    /** The netmask meaning "each client on its own": 255.255.255.255 or /128. */
    public static int defaultNetmask(IpFamily family) {
        return family == IpFamily.V6 ? 128 : 0xffffffff;
    }

    public IpFamily family() {
        return key.family();
    }

    public boolean has(ServiceFlag flag) {
        return flags.contains(flag);
    }

    public boolean persistent() {
        return has(ServiceFlag.PERSISTENT);
    }

    /** This service made persistent for {@code seconds}. */
    public Service persistent(int seconds) {
        return withFlag(ServiceFlag.PERSISTENT, true).withTimeout(seconds);
    }

    public Service withScheduler(String name) {
        return new Service(key, name, flags, timeout, netmask, peName, stats);
    }

    public Service withFlags(Set<ServiceFlag> newFlags) {
        return new Service(key, scheduler, newFlags, timeout, netmask, peName, stats);
    }

    public Service withFlag(ServiceFlag flag, boolean on) {
        EnumSet<ServiceFlag> f = flags.isEmpty() ? EnumSet.noneOf(ServiceFlag.class) : EnumSet.copyOf(flags);
        if (on) {
            f.add(flag);
        } else {
            f.remove(flag);
        }
        return withFlags(f);
    }

    public Service withTimeout(int seconds) {
        return new Service(key, scheduler, flags, seconds, netmask, peName, stats);
    }

    public Service withNetmask(int mask) {
        return new Service(key, scheduler, flags, timeout, mask, peName, stats);
    }

    public Service withPeName(String name) {
        return new Service(key, scheduler, flags, timeout, netmask, name, stats);
    }

    public Service withStats(Stats s) {
        return new Service(key, scheduler, flags, timeout, netmask, peName, s);
    }

    /** True when everything but the counters is equal: what a reconciler compares. */
    public boolean sameConfig(Service other) {
        return withStats(Stats.ZERO).equals(other.withStats(Stats.ZERO));
    }

    @Override
    public String toString() {
        return key.describe() + " " + scheduler + (flags.isEmpty() ? "" : " " + flags)
                + (persistent() ? " persistent " + timeout : "") + (peName == null ? "" : " pe " + peName);
    }
}
