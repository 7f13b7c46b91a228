package dev.vigil.daemon.lab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One frame of the interactive lab's live view, as text: who is master (who holds the VIP in the
 * kernel), each load balancer's daemon and VRRP state, each backend's health, the client's
 * success rate over the last seconds and the latest events.
 */
public final class LiveView {
    /** Keys the lab understands, shown on every frame. */
    public static final String KEYS = "keys: k kill master | r restart killed LB | 1 2 3 kill/revive web1..3 | q quit";

    /**
     * A load balancer.
     *
     * @param daemon   "vigil pid N", or why none runs ("killed (kill -9, link cut)", "starting")
     * @param state    VRRP state from the daemon's status, or "-" when it does not answer
     * @param holdsVip the VIP is on its eth0 now ({@code ip addr})
     */
    public record Lb(String name, String daemon, String state, String priority, boolean holdsVip) {
    }

    /**
     * A backend.
     *
     * @param running  its web server process runs
     * @param answers  it answered the lab's GET from the client
     * @param checker  Vigil's checker verdict ("up"/"down") from the master's status, or null without IPVS
     */
    public record Backend(String name, String address, boolean running, boolean answers, String checker) {
    }

    /**
     * @param clock       HH:MM:SS
     * @param lbs         lb1, lb2
     * @param backends    web1..3
     * @param client      e.g. "pings to 192.0.2.50: 99.7% answered over the last 3 s"
     * @param note        what the lab does without IPVS, or null
     * @param events      latest first or last, as they should print
     */
    public record Frame(String clock, List<Lb> lbs, List<Backend> backends, String client, String note,
                        List<String> events) {
        public Frame {
            Objects.requireNonNull(clock, "clock");
            lbs = List.copyOf(lbs);
            backends = List.copyOf(backends);
            events = List.copyOf(events);
        }
    }

    private LiveView() {
    }

    /** The frame's text, lines ending in a line feed. */
    public static String render(Frame f) {
        StringBuilder b = new StringBuilder();
        b.append("vigil lab  ").append(f.clock()).append("   ").append(KEYS).append('\n');
        List<String> holders = f.lbs().stream().filter(Lb::holdsVip).map(Lb::name).toList();
        String master = holders.isEmpty() ? "none" : String.join("+", holders) + (holders.size() > 1 ? " (both hold the VIP!)" : "");
        b.append("master: ").append(master).append("   VIP ").append(LabConfigs.VIP).append('\n');
        for (Lb lb : f.lbs()) {
            b.append(String.format(Locale.ROOT, "  %-4s %-28s %-7s %-24s%s", lb.name(), lb.daemon(), lb.state(),
                    lb.priority(), lb.holdsVip() ? "holds the VIP" : "").stripTrailing()).append('\n');
        }
        b.append("backends:\n");
        for (Backend be : f.backends()) {
            b.append(String.format(Locale.ROOT, "  %-5s %-12s %-12s lab GET: %-5s%s", be.name(), be.address(),
                    be.running() ? "running" : "killed", be.answers() ? "up" : "DOWN",
                    be.checker() == null ? "" : "  vigil checker: " + be.checker()).stripTrailing()).append('\n');
        }
        if (f.note() != null) {
            b.append("  (").append(f.note()).append(")\n");
        }
        b.append("client: ").append(f.client()).append('\n');
        if (!f.events().isEmpty()) {
            b.append("events:\n");
            f.events().forEach(e -> b.append("  ").append(e).append('\n'));
        }
        return b.toString();
    }
}
