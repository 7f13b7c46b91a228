package dev.vigil.daemon.vrrp;

import dev.vigil.kernel.sysctl.Sysctl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * keepalived's {@code disable_local_igmp}: while set, {@code net.ipv4.igmp_link_local_mcast_reports}
 * is 0 in the daemon's network namespace, so joining 224.0.0.18 sends no IGMP report (from a VMAC,
 * such a report teaches switches the virtual MAC's port on a backup). Set before the instances
 * join their groups; the value found is written back when the option is dropped by a reload or the
 * daemon stops, unless someone changed it meanwhile.
 */
final class LocalIgmp {
    static final String KEY = "net/ipv4/igmp_link_local_mcast_reports";
    private static final Logger LOG = LoggerFactory.getLogger(LocalIgmp.class);

    private final Sysctl sysctl;
    private String saved;

    LocalIgmp(Sysctl sysctl) {
        this.sysctl = Objects.requireNonNull(sysctl, "sysctl");
    }

    /** Applies the option's new value: disables the reports, or gives back what was there. */
    void configure(boolean disable) {
        if (disable && saved == null) {
            try {
                String old = sysctl.read(KEY);
                if (!"0".equals(old)) {
                    sysctl.write(KEY, "0");
                    saved = old;
                    LOG.info("disable_local_igmp: set {}=0 (was {})", KEY.replace('/', '.'), old);
                }
            } catch (RuntimeException e) {
                LOG.warn("disable_local_igmp: cannot set {}=0: {}", KEY.replace('/', '.'), e.getMessage());
            }
        } else if (!disable) {
            restore();
        }
    }

    /** Writes back the value found, if this set it and it is still 0. */
    void restore() {
        if (saved == null) {
            return;
        }
        String old = saved;
        saved = null;
        try {
            if ("0".equals(sysctl.read(KEY))) {
                sysctl.write(KEY, old);
                LOG.info("restored {}={}", KEY.replace('/', '.'), old);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot restore {}={}: {}", KEY.replace('/', '.'), old, e.getMessage());
        }
    }
}
