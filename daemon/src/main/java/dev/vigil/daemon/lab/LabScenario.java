package dev.vigil.daemon.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code vigil lab} shows, step by step, in a {@link NetLab}: two load balancers ({@code lb1}
 * priority 150, {@code lb2} priority 100) and a client on one bridge; one master; the master's
 * host dies (SIGKILL of its daemon, its link cut) while the client pings the VIP every 5 ms; it
 * comes back and preempts; a reload with no change moves nothing. Every step adds a summary row.
 */
public final class LabScenario {
    /** The prefix of the lab's namespaces and directory. */
    public static final String BASE = "vigil-lab";
    private static final String[] LBS = {"lb1", "lb2"};
    private static final int[] PRIORITIES = {150, 100};
    private static final Duration START = Duration.ofSeconds(90);

    private final NetLab lab;
    private final PrintWriter out;
    private final boolean keepalivedPeer;
    private final Optional<String> ipvsCause;
    private final LabSummary summary = new LabSummary();
    private final LabProcess[] daemons = new LabProcess[2];
    private final int[] starts = new int[2];
    private LabRealServers realServers;
    private Probe probe;

    /**
     * @param keepalivedPeer {@code lb2} runs keepalived, and both nodes read keepalived.conf
     * @param ipvsCause      why the kernel has no IPVS, or empty when it has (then LVS is shown too)
     */
    public LabScenario(NetLab lab, PrintWriter out, boolean keepalivedPeer, Optional<String> ipvsCause) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.out = Objects.requireNonNull(out, "out");
        this.keepalivedPeer = keepalivedPeer;
        this.ipvsCause = Objects.requireNonNull(ipvsCause, "ipvsCause");
    }

    public LabSummary summary() {
        return summary;
    }

    /** The control socket of the vigil daemon now running on {@code node} ({@code lb1} or {@code lb2}), if any. */
    public Optional<Path> controlSocket(String node) {
        int i = List.of(LBS).indexOf(node);
        return i >= 0 && daemons[i] instanceof VigilProcess v && v.alive() ? Optional.of(v.socket()) : Optional.empty();
    }

    /** Runs every step; throws (with the step that failed) when one does not happen in time. */
    public void run() {
        try {
            build();
            for (int i = 0; i < 2; i++) {
                startDaemon(i);
            }
            int master = awaitMaster();
            showStatus();
            lvs();
            failover(master);
            preempt(master);
            reload();
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
    }

    private void build() {
        lab.addNode("lb1", LabConfigs.SUBNET + "1/24", null);
        lab.addNode("lb2", LabConfigs.SUBNET + "2/24", null);
        lab.addNode("client", LabConfigs.SUBNET + "100/24", null);
        say("network: bridge with lb1 %s1, lb2 %s2, client %s100; VIP %s (VRRPv3, VRID %d, advert %s s)",
                LabConfigs.SUBNET, LabConfigs.SUBNET, LabConfigs.SUBNET, LabConfigs.VIP, LabConfigs.VRID,
                LabConfigs.ADVERT_INT);
        if (ipvsCause.isPresent()) {
            say("LVS: skipped: %s; VRRP only", ipvsCause.get());
            summary.add("LVS", "skipped: " + ipvsCause.get());
        } else {
            realServers = LabRealServers.start(lab);
            say("LVS: real servers rs1, rs2 (%s) behind %s:%d, LVS-DR, round robin",
                    String.join(", ", realServers.addresses()), LabConfigs.VIP, LabConfigs.HTTP_PORT);
        }
        say("files and logs: %s", lab.dir());
    }

    private String role(int i) {
        return keepalivedPeer && i == 1 ? "keepalived" : "vigil";
    }

    private void startDaemon(int i) {
        String node = LBS[i];
        String tag = node + (starts[i]++ == 0 ? "" : "-" + starts[i]);
        LabConfigs.Node conf = new LabConfigs.Node(node, PRIORITIES[i],
                realServers == null ? List.of() : realServers.addresses());
        if (role(i).equals("keepalived")) {
            daemons[i] = KeepalivedProcess.start(lab, node, tag, LabConfigs.keepalivedConf(conf));
        } else {
            Path file = keepalivedPeer ? write(node + ".keepalived.conf", LabConfigs.keepalivedConf(conf))
                    : write(node + ".yaml", LabConfigs.yaml(conf));
            daemons[i] = VigilProcess.start(lab, node, tag, file);
        }
        say("%s: started %s (priority %d, pid %d)", node, role(i), PRIORITIES[i], daemons[i].pid());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(lab.dir().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean holds(int i) {
        return lab.addresses(lab.node(LBS[i]).ns(), "eth0").contains(LabConfigs.VIP + "/24");
    }

    private int awaitMaster() {
        Duration d = Wait.until("lb1, the higher priority, holds the VIP alone (logs in " + lab.dir() + ")", START,
                () -> holds(0) && !holds(1));
        int master = 0;
        say("%s is MASTER (VIP on its eth0 alone) %s after start", LBS[master], LabSummary.seconds(d));
        summary.add("first master", LBS[master] + " (" + role(master) + "), " + LabSummary.seconds(d) + " after start");
        return master;
    }

    private void showStatus() {
        for (int i = 0; i < 2; i++) {
            if (daemons[i] instanceof VigilProcess v) {
                ExecResult r = v.cli("status");
                say("$ vigil status   # on %s", LBS[i]);
                r.out().lines().forEach(l -> out.println(l.isBlank() ? "" : "    " + l));
                if (!r.ok()) {
                    say("    (exit %d) %s", r.exit(), r.err().strip());
                }
            }
        }
        out.flush();
    }

    private void lvs() {
        if (realServers == null) {
            return;
        }
        List<String> answers = realServers.fetch("client", 4);
        say("client: GET http://%s/ four times -> %s", LabConfigs.VIP, String.join(", ", answers));
        summary.add("LVS (DR, rr)", String.join(", ", answers));
    }

    private void startProbe() {
        probe = Probe.start(lab, "client", LabConfigs.VIP);
        Wait.until("the client pings the VIP", Duration.ofSeconds(20), () -> probe.replies() > 20);
        say("client: pinging %s every 5 ms", LabConfigs.VIP);
    }

    private void failover(int master) {
        startProbe();
        int other = 1 - master;
        int before = probe.replies();
        daemons[master].kill9();
        lab.partition(LBS[master]);
        say("%s: kill -9 of %s and link cut (the host dies)", LBS[master], role(master));
        Duration d = Wait.until(LBS[other] + " takes the VIP", Duration.ofSeconds(30), () -> holds(other));
        Wait.until("the client reaches the VIP again", Duration.ofSeconds(30), () -> probe.replies() > before + 20);
        String result = "%s MASTER after %s; client: longest gap %s, %d pings lost".formatted(LBS[other],
                LabSummary.seconds(d), LabSummary.millis(probe.longestGap(before)), probe.lost(before));
        say("%s", result);
        summary.add("failover (kill -9)", result);
    }

    private void preempt(int master) {
        int other = 1 - master;
        lab.heal(LBS[master]);
        int before = probe.replies();
        startDaemon(master);
        Duration d = Wait.until(LBS[master] + " takes the VIP back", START, () -> holds(master) && !holds(other));
        Wait.until("the client reaches the VIP", Duration.ofSeconds(30), () -> probe.replies() > before + 20);
        String result = "%s MASTER again %s after its restart; client: longest gap %s, %d pings lost".formatted(
                LBS[master], LabSummary.seconds(d), LabSummary.millis(probe.longestGap(before)), probe.lost(before));
        say("%s", result);
        summary.add("restart, preemption", result);
    }

    private void reload() {
        List<Integer> vigils = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            if (daemons[i] instanceof VigilProcess) {
                vigils.add(i);
            }
        }
        long before = 0;
        List<String> outcomes = new ArrayList<>();
        for (int i : vigils) {
            VigilProcess v = (VigilProcess) daemons[i];
            before += VrrpCounters.of(v).transitions();
            ExecResult r = v.cli("reload");
            say("$ vigil reload   # on %s, configuration unchanged", LBS[i]);
            (r.out() + r.err()).lines().forEach(l -> out.println("    " + l));
            outcomes.add(LBS[i] + (r.ok() ? " applied" : " refused (exit " + r.exit() + ")"));
        }
        long transitions = transitionsAfterAdverts(vigils) - before;
        say("%d VRRP transitions across the reload", transitions);
        summary.add("reload, no change", transitions + " transitions (" + String.join(", ", outcomes) + ")");
    }

    /** The vigil daemons' transitions once the master (when it is a vigil) has sent four more adverts. */
    private long transitionsAfterAdverts(List<Integer> vigils) {
        for (int i : vigils) {
            VigilProcess v = (VigilProcess) daemons[i];
            if (holds(i)) {
                long sent = VrrpCounters.of(v).advertsSent();
                Wait.until("four adverts after the reload", Duration.ofSeconds(30),
                        () -> VrrpCounters.of(v).advertsSent() >= sent + 4);
            }
        }
        long after = 0;
        for (int i : vigils) {
            after += VrrpCounters.of((VigilProcess) daemons[i]).transitions();
        }
        return after;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }
}
