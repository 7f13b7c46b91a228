package dev.vigil.daemon.bench;

import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.Probe;
import dev.vigil.daemon.lab.Wait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The trials of one contender on one scenario, in a lab of its own: master on node {@code a},
 * backup on node {@code b}, a client pinging the VIP every 5 ms. Node {@code b} answers with IP TTL
 * 63 and node {@code a} with 64, so the client tells who answers: after {@code kill -9} the VIP stays
 * on the dead master's interface and its kernel keeps answering until the backup's gratuitous ARP
 * steers the client away. A failover time runs from just before the signal to the first reply from
 * node {@code b}, timed by ping's receive timestamps (so the 5 ms probe interval is the resolution).
 * After each trial the master is started again and takes the VIP back before the next one.
 */
final class FailoverRun {
    private static final int TTL_A = 64;
    private static final int TTL_B = 63;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long PHASE_SEED = 3;

    /** Failover times in milliseconds, after SIGKILL and after SIGTERM of the master. */
    record Results(Summary kill, Summary term) {
    }

    private final NetLab lab;
    private final Contender contender;
    private final Scenario scenario;
    private final Probe probe;
    private LabProcess master;
    private int starts;
    private long masterStarted;
    private final Random phases = new Random(PHASE_SEED);
    private final List<String> signalTimes = new ArrayList<>();

    private FailoverRun(NetLab lab, Contender contender, Scenario scenario) {
        this.lab = lab;
        this.contender = contender;
        this.scenario = scenario;
        lab.addNode("a", "10.79.0.1/24", null);
        lab.addNode("b", "10.79.0.2/24", null);
        lab.addNode("client", "10.79.0.100/24", null);
        lab.exec(lab.node("b").ns(), "sysctl", "-qw", "net.ipv4.ip_default_ttl=" + TTL_B);
        contender.start(lab, "b", "b", scenario.config(false));
        this.master = startMaster();
        this.probe = Probe.start(lab, "client", Scenario.VIP);
    }

    /** Runs {@code trials} kill -9 and {@code trials} SIGTERM trials, interleaved. */
    static Results run(Contender contender, Scenario scenario, int trials) {
        Objects.requireNonNull(contender, "contender");
        Objects.requireNonNull(scenario, "scenario");
        try (NetLab lab = NetLab.create("vbench")) {
            FailoverRun run = new FailoverRun(lab, contender, scenario);
            List<Double> kill = new ArrayList<>();
            List<Double> term = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                kill.add(run.trial(true));
                term.add(run.trial(false));
                System.err.printf("  %s %s trial %d/%d: kill -9 %.1f ms, SIGTERM %.1f ms (signals at %s)%n",
                        contender.label(), scenario.name(), i + 1, trials, kill.get(i), term.get(i),
                        String.join(", ", run.signalTimes.subList(2 * i, 2 * i + 2)));
            }
            return new Results(new Summary(kill), new Summary(term));
        }
    }

    private LabProcess startMaster() {
        masterStarted = nowMicros();
        return contender.start(lab, "a", "a" + starts++, scenario.config(true));
    }

    /** One failover: the master is killed (or terminated), the time until node b answers, then a restart. */
    private double trial(boolean kill) {
        awaitSteadyMaster();
        long t0 = nowMicros();
        signalTimes.add(LocalTime.ofInstant(Instant.EPOCH.plus(t0, ChronoUnit.MICROS), ZoneId.systemDefault()).toString());
        if (kill) {
            master.kill9();
        } else {
            master.terminate();
        }
        Wait.until(contender.label() + ": client answered by the backup after "
                + (kill ? "kill -9" : "SIGTERM"), DEADLINE, () -> probe.firstReplyAfter(t0, TTL_B) >= 0);
        double millis = (probe.firstReplyAfter(t0, TTL_B) - t0) / 1000.0;
        if (!kill) {
            master.waitFor(DEADLINE);
        }
        master = startMaster();
        return millis;
    }

    /**
     * Waits until node a holds the VIP, node b does not and the client is answered by node a, then
     * for one advertisement interval plus half a second, so the backup has heard the master's adverts
     * and the restarted master is past its start-up before it is failed again, plus a pseudo-random
     * part of an interval: the time from the last advert to the signal (which the failover time
     * depends on) is then spread evenly over the interval, with the same sequence for both contenders.
     */
    private void awaitSteadyMaster() {
        String a = lab.node("a").ns();
        String b = lab.node("b").ns();
        // The probe first (polled in memory): ip(8) processes polled every 20 ms would slow the start-up.
        Wait.until(contender.label() + ": client answered by a [" + master.logFile() + "]", DEADLINE,
                () -> probe.firstReplyAfter(masterStarted, TTL_A) >= 0);
        Wait.until(contender.label() + ": VIP on a and not on b [" + master.logFile() + "]", DEADLINE,
                () -> holds(a) && !holds(b));
        long since = nowMicros();
        Wait.until(contender.label() + ": client answered by a", DEADLINE,
                () -> probe.firstReplyAfter(since, TTL_A) >= 0);
        try {
            long interval = scenario.advertInterval().toMillis();
            Thread.sleep(interval + 500 + (long) (phases.nextDouble() * interval));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean holds(String ns) {
        return lab.addresses(ns, "eth0").stream().anyMatch(x -> x.startsWith(Scenario.VIP + "/"));
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
