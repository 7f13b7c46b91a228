package dev.vigil.vrrp.instance;

import dev.vigil.vrrp.packet.DropReason;
import java.util.EnumMap;
import java.util.Map;

/** Counters of one instance, touched only on its event loop; {@link #snapshot()} copies them. */
final class InstanceCounters {
    long advertsSent;
    long advertsReceived;
    long becameMaster;
    long transitions;
    long sendErrors;
    long addressErrors;
    long addressMismatches;
    long garpsSent;
    final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);

    void drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("adverts_sent", advertsSent);
        m.put("adverts_received", advertsReceived);
        m.put("became_master", becameMaster);
        m.put("transitions", transitions);
        m.put("send_errors", sendErrors);
        m.put("address_errors", addressErrors);
        m.put("address_mismatches", addressMismatches);
        m.put("garps_sent", garpsSent);
        Map<String, Long> d = new java.util.TreeMap<>();
        drops.forEach((k, v) -> d.put(k.name().toLowerCase(), v));
        m.put("dropped", d);
        return m;
    }
}
