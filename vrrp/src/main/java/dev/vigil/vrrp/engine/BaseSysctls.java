package dev.vigil.vrrp.engine;

import dev.vigil.kernel.sysctl.Sysctl;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parameters {@code use_vmac} changes on a base interface, counted per interface: the first VMAC
 * on an interface saves the values it finds and writes its own, the last one to go writes the saved
 * values back. keepalived 2.2.7 counts the same way (for {@code arp_ignore} and {@code arp_filter});
 * unlike it, a value someone changed meanwhile is left alone: only a value still equal to the one
 * written here is restored.
 */
final class BaseSysctls {
    private static final Logger LOG = LoggerFactory.getLogger(BaseSysctls.class);

    private record Held(int users, Map<String, String> saved, Map<String, String> written) {
    }

    private final Sysctl sysctl;
    private final Map<String, Held> held = new HashMap<>();

    BaseSysctls(Sysctl sysctl) {
        this.sysctl = Objects.requireNonNull(sysctl, "sysctl");
    }

    /**
     * One more VMAC on {@code base}: the first writes {@code values} (keys to values), saving what was
     * there; later ones only count. Failures are logged: a VMAC works, less well, without them.
     */
    void acquire(String instance, String base, Map<String, String> values) {
        Held h = held.get(base);
        if (h != null) {
            held.put(base, new Held(h.users() + 1, h.saved(), h.written()));
            return;
        }
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            try {
                String old = sysctl.read(key);
                if (!old.equals(value)) {
                    sysctl.write(key, value);
                    saved.put(key, old);
                    written.put(key, value);
                }
            } catch (RuntimeException e) {
                LOG.warn("({}) cannot set {}={}: {}", instance, key, value, e.getMessage());
            }
        });
        held.put(base, new Held(1, saved, written));
    }

    /** One VMAC fewer on {@code base}: the last writes the saved values back. */
    void release(String instance, String base) {
        Held h = held.get(base);
        if (h == null) {
            return;
        }
        if (h.users() > 1) {
            held.put(base, new Held(h.users() - 1, h.saved(), h.written()));
            return;
        }
        held.remove(base);
        h.saved().forEach((key, old) -> {
            try {
                String now = sysctl.read(key);
                if (now.equals(h.written().get(key))) {
                    sysctl.write(key, old);
                    LOG.info("({}) restored {}={} (last VMAC on {} gone)", instance, key, old, base);
                } else {
                    LOG.info("({}) left {}={}: changed since it was set to {}", instance, key, now,
                            h.written().get(key));
                }
            } catch (RuntimeException e) {
                LOG.warn("({}) cannot restore {}={}: {}", instance, key, old, e.getMessage());
            }
        });
    }

    /** How many VMACs hold {@code base} (for tests). */
    int users(String base) {
        Held h = held.get(base);
        return h == null ? 0 : h.users();
    }
}
