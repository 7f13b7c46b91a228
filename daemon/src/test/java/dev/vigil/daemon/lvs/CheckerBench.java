package dev.vigil.daemon.lvs;

import dev.vigil.conf.LoadResult;
import dev.vigil.daemon.plugin.PluginHost;
import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checker path without a kernel, for CPU profiles (JFR) on any machine: N real servers with a
 * TCP_CHECK each (delay_loop 5, the health checkers plugin loaded from a plugins directory, as
 * {@code vigil run} does), on a fake IPVS table, against listeners on loopback addresses
 * ({@code scripts/bench-checkers-listener.py N STATS 127.50.0.}, started beforehand). Prints the
 * process CPU over a window after a warm-up and the real servers the table holds.
 *
 * <pre>java -cp ... dev.vigil.daemon.lvs.CheckerBench PLUGINS_DIR [N] [WARMUP_S] [WINDOW_S]</pre>
 */
public final class CheckerBench {
    private CheckerBench() {
    }

    /** This process's resident set size, as /proc/self/status gives it. */
    private static String rss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("?");
    }

    /** CPU time (and user time) so far of every live thread, by thread name and id. */
    private static java.util.Map<String, Long> threadCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            long u = mx.getThreadUserTime(id);
            if (info != null && t >= 0 && u >= 0) {
                m.put(info.getThreadName() + "#" + id, t);
                m.put(info.getThreadName() + " (user)#" + id, u);
            }
        }
        return m;
    }

    public static void main(String[] args) throws Exception {
        Path plugins = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        StringBuilder conf = new StringBuilder("global_defs {\n    router_id bench\n}\n");
        for (int i = 0; i < n; i++) {
            if (i % 100 == 0) {
                conf.append(i > 0 ? "}\n" : "").append("virtual_server 10.60.0.1 ").append(10_000 + i / 100)
                        .append(" {\n    delay_loop 5\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n");
            }
            conf.append("    real_server 127.50.0.").append(i / 1000 + 1).append(' ').append(20_000 + i % 1000)
                    .append(" {\n        TCP_CHECK {\n            connect_timeout 3\n            retry 0\n        }\n    }\n");
        }
        conf.append("}\n");
        Path file = Files.createTempFile("checker-bench", ".conf");
        Files.writeString(file, conf);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (PluginHost host = PluginHost.load(Optional.of(plugins))) {
            LoadResult r = host.loader().apply(file);
            if (!r.ok()) {
                throw new IllegalStateException(r.errors().toString());
            }
            FakeIpvsTable table = new FakeIpvsTable();
            LvsSubsystem lvs = new LvsSubsystem(host, new VrrpStates(), () -> table);
            long t0 = System.nanoTime();
            lvs.start(r.config());
            Thread.sleep(warm * 1000L);
            java.util.Map<String, Long> t0cpu = threadCpu();
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            Thread.sleep(window * 1000L);
            long c1 = os.getProcessCpuTime();
            java.util.Map<String, Long> t1cpu = threadCpu();
            long w1 = System.nanoTime();
            long dests = IpvsadmSave.save(table).lines().filter(l -> l.startsWith("-a ")).count();
            double cpu = (c1 - c0) / 1e9;
            System.out.printf("N=%d: cpu %.2f s in %.1f s (%.1f%% of a core), %d of %d real servers in the table,"
                    + " heap used %d MB, RSS %s, started %.1f s before the window%n", n, cpu, (w1 - w0) / 1e9,
                    100 * cpu / ((w1 - w0) / 1e9), dests, n,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, rss(), (w0 - t0) / 1e9);
            java.util.Map<String, Long> perThread = new java.util.TreeMap<>();
            t1cpu.forEach((k, v) -> perThread.merge(k.replaceAll("[-#0-9]+$", ""), v - t0cpu.getOrDefault(k, 0L),
                    Long::sum));
            perThread.forEach((k, v) -> {
                if (v > 10_000_000L) {
                    System.out.printf("  %-32s %.2f s%n", k, v / 1e9);
                }
            });
            lvs.close();
        } finally {
            Files.deleteIfExists(file);
        }
        System.exit(0);
    }
}
