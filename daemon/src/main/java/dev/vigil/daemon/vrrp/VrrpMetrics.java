package dev.vigil.daemon.vrrp;

import dev.vigil.daemon.metrics.MetricsWriter;
import dev.vigil.vrrp.packet.DropReason;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The VRRP subsystem's metrics, from the instances' status rows ({@code VrrpEngine.status()}) and
 * the transitions counted by from/to state. State is one-hot: {@code vigil_vrrp_state} has a
 * series per state, 1 for the current one.
 */
final class VrrpMetrics {
    /** Every state an instance reports; STOP once stopped. */
    static final List<String> STATES = List.of("INIT", "BACKUP", "MASTER", "FAULT", "STOP");

    private VrrpMetrics() {
    }

    /**
     * @param instances   status rows: instance, state, priority, effective_priority, counters
     * @param transitions per instance, the count per {@code FROM->TO}; instances not in {@code instances} are left out
     */
    static String render(List<Map<String, Object>> instances, Map<String, Map<String, Long>> transitions) {
        MetricsWriter w = new MetricsWriter();
        w.gauge("vigil_vrrp_state", "VRRP state of an instance, one-hot: 1 for the current state, 0 for the others.");
        for (Map<String, Object> i : instances) {
            for (String s : STATES) {
                w.sample(s.equals(i.get("state")) ? 1 : 0, "instance", name(i), "state", s);
            }
        }
        gauge(w, instances, "vigil_vrrp_priority", "Configured (base) priority of an instance.", "priority");
        gauge(w, instances, "vigil_vrrp_effective_priority",
                "Priority in effect after tracked scripts, interfaces, files and processes.", "effective_priority");
        w.counter("vigil_vrrp_transitions_total", "State transitions of an instance by from and to state.");
        java.util.Set<String> names = new java.util.HashSet<>();
        instances.forEach(i -> names.add(name(i)));
        transitions.forEach((instance, byEdge) -> byEdge.forEach((edge, n) -> {
            if (!names.contains(instance)) {
                return; // an instance a reload removed
            }
            String[] ft = edge.split("->", 2);
            w.sample(n, "instance", instance, "from", ft[0], "to", ft[1]);
        }));
        counter(w, instances, "vigil_vrrp_adverts_sent_total", "Advertisements sent.", "adverts_sent");
        counter(w, instances, "vigil_vrrp_adverts_received_total",
                "Advertisements received with the instance's VRID (before the receive checks).", "adverts_received");
        w.counter("vigil_vrrp_adverts_dropped_total",
                "Received advertisements dropped by the receive checks (RFC 5798 7.1), by reason.");
        for (Map<String, Object> i : instances) {
            Map<?, ?> dropped = counters(i).get("dropped") instanceof Map<?, ?> d ? d : Map.of();
            for (DropReason r : DropReason.values()) {
                String reason = r.name().toLowerCase(Locale.ROOT);
                w.sample(number(dropped.get(reason)), "instance", name(i), "reason", reason);
            }
        }
        counter(w, instances, "vigil_vrrp_adverts_address_mismatch_total",
                "Advertisements accepted although their address list differs (logged; dropped only in strict mode).",
                "address_mismatches");
        counter(w, instances, "vigil_vrrp_advert_send_errors_total", "Advertisements the kernel refused to send.",
                "send_errors");
        counter(w, instances, "vigil_vrrp_address_errors_total",
                "Virtual address, route or rule changes the kernel refused.", "address_errors");
        counter(w, instances, "vigil_vrrp_garps_sent_total", "Gratuitous ARPs and unsolicited neighbour advertisements sent.",
                "garps_sent");
        counter(w, instances, "vigil_vrrp_became_master_total", "Times an instance became master.", "became_master");
        return w.toString();
    }

    private static void gauge(MetricsWriter w, List<Map<String, Object>> instances, String name, String help, String key) {
        w.gauge(name, help);
        instances.forEach(i -> w.sample(number(i.get(key)), "instance", name(i)));
    }

    private static void counter(MetricsWriter w, List<Map<String, Object>> instances, String name, String help, String key) {
        w.counter(name, help);
        instances.forEach(i -> w.sample(number(counters(i).get(key)), "instance", name(i)));
    }

    private static String name(Map<String, Object> i) {
        return String.valueOf(i.get("instance"));
    }

    private static Map<?, ?> counters(Map<String, Object> i) {
        return i.get("counters") instanceof Map<?, ?> c ? c : Map.of();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
