package dev.vigil.daemon.lab;

import dev.vigil.daemon.control.ControlClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The interactive {@code vigil lab}: two Vigil load balancers in a VRRP pair ({@code lb1} priority
 * 150, {@code lb2} 100), three web backends and a client, with a live view refreshed about once a
 * second and keys to break things: {@code k} kills the master's host (SIGKILL of its daemon, link
 * cut), {@code r} brings it back, {@code 1}..{@code 3} kill or revive a backend, {@code q} quits.
 *
 * <p>Where the kernel has IPVS the pair also runs an LVS-DR virtual server on the VIP with a
 * TCP_CHECK per backend, and the client's traffic is HTTP through the VIP. Where it has none the
 * pair runs VRRP only, the client pings the VIP every 5 ms, and backend health is the lab's own
 * GET from the client (Vigil's checkers run only inside the LVS subsystem, which needs IPVS).
 */
public final class LiveLab {
    private static final String[] LBS = {"lb1", "lb2"};
    private static final int[] PRIORITIES = {150, 100};
    private static final int BACKENDS = 3;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final NetLab lab;
    private final PrintWriter out;
    private final KeyInput keys;
    private final boolean ansi;
    private final Optional<String> ipvsCause;
    private final VigilProcess[] daemons = new VigilProcess[2];
    private final boolean[] killed = new boolean[2];
    private final int[] starts = new int[2];
    private final Deque<String> events = new ArrayDeque<>();
    private LabBackends backends;
    private Probe probe;
    private ViaVip viaVip;

    /**
     * @param ansi      clear the screen before each frame (a terminal); otherwise frames follow each other
     * @param ipvsCause why the kernel has no IPVS, or empty when it has
     */
    public LiveLab(NetLab lab, PrintWriter out, KeyInput keys, boolean ansi, Optional<String> ipvsCause) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.out = Objects.requireNonNull(out, "out");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ansi = ansi;
        this.ipvsCause = Objects.requireNonNull(ipvsCause, "ipvsCause");
    }

    /** Builds the lab, starts the pair and shows it until {@code q} (or the end of input). */
    public void run() throws InterruptedException {
        build();
        for (int i = 0; i < 2; i++) {
            startDaemon(i);
        }
        say("waiting for a master (JVM start-up takes a few seconds)...");
        Wait.until("a load balancer holds the VIP (logs in " + lab.dir() + ")", Duration.ofSeconds(300),
                () -> holds(0) || holds(1));
        if (ipvsCause.isEmpty()) {
            viaVip = lab.own(new ViaVip(backends));
        } else {
            probe = Probe.start(lab, "client", LabConfigs.VIP);
        }
        event("pair up: " + (holds(0) ? "lb1" : "lb2") + " is master");
        long next = System.nanoTime();
        while (true) {
            long wait = Math.max(0, (next - System.nanoTime()) / 1_000_000);
            Optional<Character> key = keys.next(wait);
            if (key.isPresent()) {
                if (key.get() == 'q' || key.get() == 'Q') {
                    event("q: quit");
                    frame();
                    return;
                }
                handle(key.get());
                frame();
                next = System.nanoTime() + 1_000_000_000L;
            } else {
                frame();
                next = System.nanoTime() + 1_000_000_000L;
            }
        }
    }

    private void build() {
        lab.addNode("lb1", LabConfigs.SUBNET + "1/24", null);
        lab.addNode("lb2", LabConfigs.SUBNET + "2/24", null);
        lab.addNode("client", LabConfigs.SUBNET + "100/24", null);
        say("vigil lab: lb1 %s1 and lb2 %s2 (Vigil, VRRPv3, VIP %s), client %s100, backends web1..3 %s11-13",
                LabConfigs.SUBNET, LabConfigs.SUBNET, LabConfigs.VIP, LabConfigs.SUBNET, LabConfigs.SUBNET);
        say(ipvsCause.map(c -> "no IPVS in this kernel (" + c + "): VRRP failover only; the client pings the VIP; "
                + "backend health is the lab's own GET (Vigil's checkers need IPVS)")
                .orElse("IPVS: LVS-DR virtual server %s:%d, round robin, TCP_CHECK per backend"
                        .formatted(LabConfigs.VIP, LabConfigs.HTTP_PORT)));
        backends = LabBackends.start(lab, BACKENDS);
        say("files and logs: %s", lab.dir());
    }

    private void startDaemon(int i) {
        String node = LBS[i];
        String tag = node + (starts[i]++ == 0 ? "" : "-" + starts[i]);
        LabConfigs.Node conf = new LabConfigs.Node(node, PRIORITIES[i],
                ipvsCause.isPresent() ? List.of() : backends.addresses(), true);
        Path file = write(node + ".yaml", LabConfigs.yaml(conf));
        daemons[i] = VigilProcess.start(lab, node, tag, file);
        killed[i] = false;
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

    private void handle(char key) {
        switch (key) {
            case 'k', 'K' -> killMaster();
            case 'r', 'R' -> restart();
            case '1', '2', '3' -> toggleBackend(key - '1');
            default -> event(key + ": unknown key (" + LiveView.KEYS + ")");
        }
    }

    private void killMaster() {
        for (int i = 0; i < 2; i++) {
            if (!killed[i] && holds(i)) {
                daemons[i].kill9();
                lab.partition(LBS[i]);
                killed[i] = true;
                event("k: " + LBS[i] + " killed (kill -9 of its daemon, link cut: the host died)");
                return;
            }
        }
        event("k: no live master to kill");
    }

    private void restart() {
        boolean any = false;
        for (int i = 0; i < 2; i++) {
            if (killed[i]) {
                lab.heal(LBS[i]);
                startDaemon(i);
                event("r: " + LBS[i] + " restarted (link back, new daemon pid " + daemons[i].pid() + ")");
                any = true;
            }
        }
        if (!any) {
            event("r: no killed load balancer to restart");
        }
    }

    private void toggleBackend(int i) {
        String name = backends.names().get(i);
        if (backends.running(i)) {
            backends.kill(i);
            event(name + " killed (kill -9 of its web server)");
        } else {
            backends.revive(i);
            event(name + " revived");
        }
    }

    private void event(String text) {
        events.addLast(LocalTime.now().format(CLOCK) + " " + text);
        while (events.size() > 6) {
            events.removeFirst();
        }
    }

    private void frame() {
        List<LiveView.Lb> lbs = new ArrayList<>();
        Map<String, String> checkers = Map.of();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> status = killed[i] ? null : status(daemons[i]);
            Map<?, ?> inst = firstInstance(status);
            String daemon = killed[i] ? "killed (kill -9, link cut)"
                    : daemons[i].alive() ? "vigil pid " + daemons[i].pid() : "exited (see " + daemons[i].logFile() + ")";
            String prio = inst == null ? "" : "priority " + inst.get("priority") + " (eff. " + inst.get("effective_priority") + ")";
            // A killed node's eth0 keeps the VIP (kill -9 removes nothing) but its link is cut: it serves nobody.
            boolean holds = !killed[i] && holds(i);
            lbs.add(new LiveView.Lb(LBS[i], daemon, inst == null ? (killed[i] ? "-" : "starting") : String.valueOf(inst.get("state")),
                    prio, holds));
            if (holds && status != null && ipvsCause.isEmpty()) {
                checkers = realServerStates(status);
            }
        }
        List<LiveView.Backend> bes = new ArrayList<>();
        for (int i = 0; i < BACKENDS; i++) {
            String addr = backends.addresses().get(i);
            bes.add(new LiveView.Backend(backends.names().get(i), addr, backends.running(i), backends.answers(i),
                    ipvsCause.isPresent() ? null : checkers.getOrDefault(addr + ":" + LabConfigs.HTTP_PORT, "-")));
        }
        String note = ipvsCause.map(c -> "no IPVS here: health is the lab's GET from the client, not Vigil's checkers")
                .orElse(null);
        LiveView.Frame f = new LiveView.Frame(LocalTime.now().format(CLOCK), lbs, bes, client(), note, List.copyOf(events));
        out.print(ansi ? "\033[H\033[2J" + LiveView.render(f) : LiveView.render(f) + "\n");
        out.flush();
    }

    private String client() {
        if (viaVip != null) {
            return viaVip.describe(WINDOW);
        }
        long since = (System.currentTimeMillis() - WINDOW.toMillis()) * 1000;
        double expected = WINDOW.toMillis() / 5.0;
        double rate = Math.min(100.0, 100.0 * probe.repliesAfter(since) / expected);
        return String.format(java.util.Locale.ROOT, "pings to %s every 5 ms: %.1f%% answered over the last %d s",
                LabConfigs.VIP, rate, WINDOW.toSeconds());
    }

    private static Map<String, Object> status(VigilProcess v) {
        try {
            Map<String, Object> reply = new ControlClient(v.socket()).call("status");
            return reply.get("status") instanceof Map<?, ?> m ? cast(m) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<?, ?> firstInstance(Map<String, Object> status) {
        if (status != null && status.get("subsystems") instanceof Map<?, ?> subs && subs.get("vrrp") instanceof Map<?, ?> vrrp
                && vrrp.get("instances") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> i) {
            return i;
        }
        return null;
    }

    private static Map<String, String> realServerStates(Map<String, Object> status) {
        Map<String, String> out = new java.util.HashMap<>();
        if (status.get("subsystems") instanceof Map<?, ?> subs && subs.get("lvs") instanceof Map<?, ?> lvs
                && lvs.get("real_servers") instanceof List<?> rows) {
            for (Object r : rows) {
                if (r instanceof Map<?, ?> row) {
                    out.put(String.valueOf(row.get("real_server")), String.valueOf(row.get("state")));
                }
            }
        }
        return out;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }

    /** HTTP GETs through the VIP from the client, every 100 ms, remembered with their time and answer. */
    private static final class ViaVip implements AutoCloseable {
        private record Answer(long millis, String name) {
        }

        private final Deque<Answer> answers = new ArrayDeque<>();
        private final Thread thread;
        private volatile boolean running = true;

        ViaVip(LabBackends backends) {
            thread = new Thread(() -> {
                while (running) {
                    String name = backends.name(LabConfigs.VIP);
                    synchronized (answers) {
                        answers.addLast(new Answer(System.currentTimeMillis(), name));
                        while (answers.size() > 600) {
                            answers.removeFirst();
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lab-via-vip");
            thread.setDaemon(true);
            thread.start();
        }

        String describe(Duration window) {
            long since = System.currentTimeMillis() - window.toMillis();
            int ok = 0;
            int all = 0;
            java.util.Set<String> by = new java.util.TreeSet<>();
            synchronized (answers) {
                for (Answer a : answers) {
                    if (a.millis() >= since) {
                        all++;
                        if (!a.name().isEmpty()) {
                            ok++;
                            by.add(a.name());
                        }
                    }
                }
            }
            return String.format(java.util.Locale.ROOT, "GET http://%s/ every 100 ms: %s ok over the last %d s%s",
                    LabConfigs.VIP, all == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * ok / all),
                    window.toSeconds(), by.isEmpty() ? "" : ", answered by " + String.join(" ", by));
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
