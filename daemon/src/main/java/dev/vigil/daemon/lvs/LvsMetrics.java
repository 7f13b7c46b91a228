package dev.vigil.daemon.lvs;

import dev.vigil.daemon.metrics.MetricsWriter;
import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.lvs.check.CheckLatency;
import dev.vigil.lvs.engine.CheckStatus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LVS subsystem's metrics: virtual and real servers as Vigil sees them, every checker's
 * results, faults and latencies, and the kernel's own IPVS counters.
 */
final class LvsMetrics {
    /** A service as the kernel lists it, with its destinations. */
    record KernelService(Service service, List<Destination> destinations) {
    }

    private LvsMetrics() {
    }

    /**
     * @param kernel the kernel's services, or null when the table could not be read
     */
    static String render(List<Map<String, Object>> virtualServers, List<Map<String, Object>> realServers,
                         List<CheckStatus> checks, Map<String, Long> counters, List<KernelService> kernel) {
        MetricsWriter w = new MetricsWriter();
        w.gauge("vigil_lvs_virtual_server_quorum_up", "1 while a virtual server has its quorum of live real server weight.");
        virtualServers.forEach(v -> w.sample("up".equals(v.get("quorum")) ? 1 : 0, "virtual_server", str(v.get("virtual_server"))));
        w.gauge("vigil_lvs_virtual_server_live_weight", "Total weight of a virtual server's live real servers.");
        virtualServers.forEach(v -> w.sample(num(v.get("live_weight")), "virtual_server", str(v.get("virtual_server"))));
        w.gauge("vigil_lvs_real_server_up", "1 while a real server passes its health checks.");
        realServers.forEach(r -> w.sample("up".equals(r.get("state")) ? 1 : 0, rs(r)));
        w.gauge("vigil_lvs_real_server_configured_weight", "A real server's weight in the configuration.");
        realServers.forEach(r -> w.sample(num(r.get("weight_configured")), rs(r)));
        w.gauge("vigil_lvs_real_server_weight",
                "A real server's weight in effect in IPVS (0 while inhibited or out of the table).");
        realServers.forEach(r -> w.sample(num(r.get("weight")), rs(r)));
        w.gauge("vigil_lvs_real_server_in_ipvs", "1 while Vigil keeps a real server in the IPVS table.");
        realServers.forEach(r -> w.sample(Boolean.TRUE.equals(r.get("in_ipvs")) ? 1 : 0, rs(r)));
        checks(w, checks);
        w.counter("vigil_lvs_reconciles_total", "Passes that compared the IPVS table with the wanted one.");
        w.sample(counters.getOrDefault("reconciles", 0L));
        w.counter("vigil_lvs_ipvs_writes_total", "IPVS changes written to the kernel.");
        w.sample(counters.getOrDefault("writes", 0L));
        w.counter("vigil_lvs_ipvs_write_failures_total", "IPVS changes the kernel refused.");
        w.sample(counters.getOrDefault("write_failures", 0L));
        if (kernel != null) {
            ipvs(w, kernel);
        }
        return w.toString();
    }

    private static void checks(MetricsWriter w, List<CheckStatus> checks) {
        w.gauge("vigil_lvs_check_up", "1 while a checker finds its real server healthy.");
        checks.forEach(c -> w.sample(c.up() ? 1 : 0, labels(c)));
        w.counter("vigil_lvs_check_attempts_total", "Check attempts started.");
        checks.forEach(c -> w.sample(c.counters().attempts(), labels(c)));
        w.counter("vigil_lvs_check_failures_total", "Check attempts that failed, for any reason.");
        checks.forEach(c -> w.sample(c.counters().failures(), labels(c)));
        w.counter("vigil_lvs_checker_errors_total",
                "Faults of the checker plugin itself, by kind: threw, timeout (no result by connect_timeout), "
                        + "late (result after the deadline), skipped (previous attempt still running).");
        for (CheckStatus c : checks) {
            String[] l = labels(c);
            w.sample(c.counters().threw(), with(l, "kind", "threw"));
            w.sample(c.counters().timeouts(), with(l, "kind", "timeout"));
            w.sample(c.counters().late(), with(l, "kind", "late"));
            w.sample(c.counters().skipped(), with(l, "kind", "skipped"));
        }
        Map<String, CheckLatency.Snapshot> byType = new TreeMap<>();
        checks.forEach(c -> byType.merge(c.type(), c.latency(), CheckLatency.Snapshot::plus));
        w.histogram("vigil_lvs_check_duration_seconds", "Duration of check attempts as the checker reports it, by checker type.");
        byType.forEach((type, h) -> w.histogram(h.bounds(), h.counts(), h.count(), h.sum(), "checker", type));
    }

    private static void ipvs(MetricsWriter w, List<KernelService> kernel) {
        w.counter("vigil_ipvs_service_connections_total", "Connections scheduled by an IPVS service (kernel counter).");
        kernel.forEach(k -> w.sample(k.service().stats().conns(), "service", k.service().key().describe()));
        w.counter("vigil_ipvs_service_packets_total", "Packets through an IPVS service by direction (kernel counter).");
        kernel.forEach(k -> {
            w.sample(k.service().stats().inPackets(), "service", k.service().key().describe(), "direction", "in");
            w.sample(k.service().stats().outPackets(), "service", k.service().key().describe(), "direction", "out");
        });
        w.counter("vigil_ipvs_service_bytes_total", "Bytes through an IPVS service by direction (kernel counter).");
        kernel.forEach(k -> {
            w.sample(k.service().stats().inBytes(), "service", k.service().key().describe(), "direction", "in");
            w.sample(k.service().stats().outBytes(), "service", k.service().key().describe(), "direction", "out");
        });
        w.counter("vigil_ipvs_destination_connections_total", "Connections sent to an IPVS destination (kernel counter).");
        dests(w, kernel, (d, l) -> w.sample(d.stats().conns(), l));
        w.counter("vigil_ipvs_destination_packets_total", "Packets to and from an IPVS destination by direction.");
        dests(w, kernel, (d, l) -> {
            w.sample(d.stats().inPackets(), with(l, "direction", "in"));
            w.sample(d.stats().outPackets(), with(l, "direction", "out"));
        });
        w.counter("vigil_ipvs_destination_bytes_total", "Bytes to and from an IPVS destination by direction.");
        dests(w, kernel, (d, l) -> {
            w.sample(d.stats().inBytes(), with(l, "direction", "in"));
            w.sample(d.stats().outBytes(), with(l, "direction", "out"));
        });
        w.gauge("vigil_ipvs_destination_active_connections", "Active connections of an IPVS destination.");
        dests(w, kernel, (d, l) -> w.sample(d.activeConns(), l));
        w.gauge("vigil_ipvs_destination_inactive_connections", "Inactive connections of an IPVS destination.");
        dests(w, kernel, (d, l) -> w.sample(d.inactiveConns(), l));
        w.gauge("vigil_ipvs_destination_weight", "Weight of an IPVS destination as the kernel has it.");
        dests(w, kernel, (d, l) -> w.sample(d.weight(), l));
    }

    private static void dests(MetricsWriter w, List<KernelService> kernel,
                              java.util.function.BiConsumer<Destination, String[]> each) {
        for (KernelService k : kernel) {
            for (Destination d : k.destinations()) {
                each.accept(d, new String[] {"service", k.service().key().describe(), "destination", d.describe()});
            }
        }
    }

    private static String[] rs(Map<String, Object> r) {
        return new String[] {"virtual_server", str(r.get("virtual_server")), "real_server", str(r.get("real_server"))};
    }

    private static String[] labels(CheckStatus c) {
        return new String[] {"virtual_server", c.virtualServer(), "real_server", c.realServer(), "checker", c.type()};
    }

    private static String[] with(String[] labels, String name, String value) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + 2);
        all[labels.length] = name;
        all[labels.length + 1] = value;
        return all;
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
