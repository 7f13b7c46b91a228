package dev.vigil.daemon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the VRRP failover table of issue 3: per scenario, p50/p99 of the time from kill -9 and from
 * SIGTERM of the master to the VIP answering from the backup, for a Vigil pair and a keepalived pair,
 * and the ratio Vigil / keepalived. Needs root, iproute2, ping and keepalived; run by
 * {@code scripts/bench-vrrp}.
 *
 * <p>Arguments: {@code [TRIALS] [SCENARIO...]}, TRIALS per signal (default 20), scenarios {@code v2}
 * and/or {@code v3} (default both).
 */
public final class VrrpFailoverBench {
    private VrrpFailoverBench() {
    }

    /** A row of the table: one scenario and signal, both contenders. */
    private record Row(Scenario scenario, String signal, Summary vigil, Summary keepalived) {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            scenarios.add(switch (args[i]) {
                case "v2" -> Scenario.v2();
                case "v3" -> Scenario.v3();
                default -> throw new IllegalArgumentException("unknown scenario " + args[i] + " (v2 or v3)");
            });
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of(Scenario.v2(), Scenario.v3());
        }
        List<Row> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            FailoverRun.Results k = FailoverRun.run(Contender.KEEPALIVED, s, trials);
            FailoverRun.Results v = FailoverRun.run(Contender.VIGIL, s, trials);
            rows.add(new Row(s, "kill -9", v.kill(), k.kill()));
            rows.add(new Row(s, "SIGTERM", v.term(), k.term()));
        }
        print(trials, rows);
    }

    private static void print(int trials, List<Row> rows) {
        System.out.printf(Locale.ROOT, "VRRP failover to the backup, client probing every 5 ms, %d trials per row, ms%n",
                trials);
        String format = "| %-32s | %-7s | %9s | %9s | %14s | %14s | %9s | %9s |%n";
        System.out.printf(Locale.ROOT, format, "scenario", "signal", "vigil p50", "vigil p99", "keepalived p50",
                "keepalived p99", "ratio p50", "ratio p99");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, format, r.scenario().name(), r.signal(), ms(r.vigil().p50()),
                    ms(r.vigil().p99()), ms(r.keepalived().p50()), ms(r.keepalived().p99()),
                    ratio(r.vigil().p50(), r.keepalived().p50()), ratio(r.vigil().p99(), r.keepalived().p99()));
        }
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String ratio(double vigil, double keepalived) {
        return String.format(Locale.ROOT, "%.2f", vigil / keepalived);
    }
}
