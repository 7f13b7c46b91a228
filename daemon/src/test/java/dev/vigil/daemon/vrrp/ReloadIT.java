package dev.vigil.daemon.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.daemon.lab.AddressWatch;
import dev.vigil.daemon.lab.AdvertCapture;
import dev.vigil.daemon.lab.ExecResult;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.Probe;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Flap-free reload of a Vigil VRRP pair (YAML, VRRPv3) in network namespaces while a client pings the
 * VIP every 5 ms. The master and then the backup are reloaded 50 times each, alternating
 * {@code vigil reload} and SIGHUP, with no change and with changes that do not touch the watched
 * instance; then an invalid file is refused, and a priority change and a VIP swap are applied in place.
 *
 * <p>Evidence of "no flap", from independent sources: the instance's state-change counter
 * ({@code vigil status --json}), the daemon log (no {@code (VI_1) X -> Y} line after start), the
 * notify script's output (no new line), {@code ip monitor address} on the master (the VIP never
 * deleted, not even for a moment), the master's adverts as the backup sees them (always its own
 * priority, never 0, no silence longer than {@link #advertGapBound}) and the probe's longest gap.
 *
 * <p>The advert interval is 1 s (system property {@code reload.advertInt}, e.g. 0.1, for a stricter
 * run on an idle machine: at 0.1 s a CPU stall of 361 ms on a loaded host is already a failover).
 * The probe must lose no echo request at all (no hole in the replies' sequence numbers); its longest
 * gap between replies must stay under {@link #GAP_BOUND}, 1 s: ping's own reply timeout and one
 * advert interval, and well under the backup's master-down interval (RFC 5798 section 6.1:
 * 3 x 1 s + (256 - 100) / 256 x 1 s = 3.61 s). The gap is not set tighter because on a loaded
 * two-core machine ping itself is starved: 539 ms between two replies was seen with nothing lost.
 */
class ReloadIT {
    private static final String VIP = "10.79.0.50";
    private static final String VIP_NEW = "10.79.0.51";
    private static final String OTHER_VIP = "10.79.0.60";
    private static final String OTHER_VIP2 = "10.79.0.61";
    private static final Duration GAP_BOUND = Duration.ofSeconds(1);
    private static final int RELOADS = 50;
    private static final String ADVERT_INT = System.getProperty("reload.advertInt", "1");
    private static final Pattern TRANSITION = Pattern.compile("\\(VI_1\\) [A-Z]+ -> [A-Z]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The configuration variants; each reload picks one, none touches VI_1. */
    enum Variant { SAME, COMMENT, ADD_INSTANCE, SCRIPT_INTERVAL, OTHER_INSTANCE_VIP }

    /** What changes between configurations of one node. */
    record Conf(String node, int priority, List<String> vips, Variant variant, int revision, Path notifyLog) {
        String yaml() {
            String other = switch (variant) {
                case ADD_INSTANCE -> otherInstance(OTHER_VIP);
                case OTHER_INSTANCE_VIP -> otherInstance(OTHER_VIP + "/24\n      - " + OTHER_VIP2);
                default -> "";
            };
            String comment = variant == Variant.COMMENT ? "# revision " + revision + "\n" : "";
            int interval = variant == Variant.SCRIPT_INTERVAL ? 3 + revision % 5 : 2;
            return comment + """
                    global_defs:
                      router_id: %s
                    vrrp_script:
                      chk_unused:
                        script: /bin/true
                        interval: %d
                    vrrp_instance:
                      VI_1:
                        state: BACKUP
                        interface: eth0
                        virtual_router_id: 51
                        version: 3
                        advert_int: %s
                        priority: %d
                        notify: %s
                        virtual_ipaddress:
                    %s%s""".formatted(node, interval, ADVERT_INT, priority, notifyScript(), vipLines(), other);
        }

        private String vipLines() {
            StringBuilder b = new StringBuilder();
            vips.forEach(v -> b.append("      - ").append(v).append("/24\n"));
            return b.toString();
        }

        private String notifyScript() {
            return notifyLog.resolveSibling(node + ".notify.sh").toString();
        }

        private static String otherInstance(String vips) {
            return """
                      VI_2:
                        state: BACKUP
                        interface: eth0
                        virtual_router_id: 52
                        version: 3
                        advert_int: %s
                        priority: 100
                        virtual_ipaddress:
                          - %s/24
                    """.formatted(ADVERT_INT, vips);
        }

        Conf with(Variant v, int rev) {
            return new Conf(node, priority, vips, v, rev, notifyLog);
        }
    }

    /** One node: its daemon, its config file and the file its notify script appends to. */
    record Side(String node, VigilProcess vigil, Path config, Path notifyLog) {
        int reloadsLogged() {
            return (int) vigil.log().lines().filter(l -> l.contains("reload of ") && l.contains(" applied")).count();
        }

        long transitionsLogged() {
            return vigil.log().lines().filter(l -> TRANSITION.matcher(l).find()).count();
        }

        long notifications() {
            try {
                return Files.exists(notifyLog) ? Files.readAllLines(notifyLog).size() : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode instance(String name) {
            ExecResult r = vigil.cli("status", "--json");
            assertThat(r.exit()).as("vigil status --json: %s", r.err()).isZero();
            try {
                for (JsonNode i : JSON.readTree(r.out()).path("subsystems").path("vrrp").path("instances")) {
                    if (i.path("instance").asText().equals(name)) {
                        return i;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return JSON.createObjectNode();
        }
    }

    /** The counters that must not move while nothing is supposed to happen to VI_1. */
    record Baseline(long transitions, long becameMaster, long logged, long notifications) {
        static Baseline of(Side s) {
            JsonNode c = s.instance("VI_1").path("counters");
            return new Baseline(c.path("transitions").asLong(-1), c.path("became_master").asLong(-1),
                    s.transitionsLogged(), s.notifications());
        }
    }

    @Test
    void reloadsNeverFlapTheInstance() throws IOException {
        LabAssumptions.assumeTcpdump();
        try (NetLab lab = LabAssumptions.netLab("vrl")) {
            lab.addNode("a", "10.79.0.1/24", null);
            lab.addNode("b", "10.79.0.2/24", null);
            lab.addNode("client", "10.79.0.100/24", null);
            Conf confA = conf(lab, "a", 150, List.of(VIP));
            Conf confB = conf(lab, "b", 100, List.of(VIP));
            Side a = start(lab, confA);
            Side b = start(lab, confB);
            Wait.until("VIP on a [" + a.vigil().logFile() + "]", Duration.ofSeconds(30), () -> holds(lab, "a", VIP));
            Wait.until("a MASTER, b BACKUP", Duration.ofSeconds(20), () ->
                    state(a).equals("MASTER") && state(b).equals("BACKUP"));
            Wait.until("notify scripts ran", Duration.ofSeconds(10), () ->
                    lines(a.notifyLog()).contains("INSTANCE VI_1 MASTER 150") && lines(b.notifyLog()).contains("INSTANCE VI_1 BACKUP 100"));
            AddressWatch watch = AddressWatch.start(lab, "a", "eth0");
            AdvertCapture adverts = AdvertCapture.start(lab, "b", "10.79.0.1", 51);
            Wait.until("the backup sees the master's adverts", Duration.ofSeconds(20), () -> adverts.adverts().size() > 2);
            int firstAdvert = adverts.adverts().size();
            Probe probe = Probe.start(lab, "client", VIP);
            Wait.until("client reaches the VIP", Duration.ofSeconds(10), () -> probe.replies() > 20);
            int firstReply = probe.replies();
            Baseline baseA = Baseline.of(a);
            Baseline baseB = Baseline.of(b);
            assertThat(baseA.transitions()).as("a transitions after start").isPositive();

            reloadMany(lab, a, confA);
            reloadMany(lab, b, confB);
            long received = b.instance("VI_1").path("counters").path("adverts_received").asLong();
            Wait.until("b keeps receiving adverts after the reloads", Duration.ofSeconds(20), () ->
                    b.instance("VI_1").path("counters").path("adverts_received").asLong() > received + 5);

            assertUnchanged(a, baseA);
            assertUnchanged(b, baseB);
            assertThat(watch.deletions(VIP)).as("VIP deletions on the master").isEmpty();
            assertThat(holds(lab, "b", VIP)).isFalse();
            Duration gap = probe.longestGap(firstReply);
            System.out.println("reload x" + 2 * RELOADS + ": longest probe gap " + gap.toMillis() + " ms, "
                    + (probe.replies() - firstReply) + " replies, " + probe.lost(firstReply) + " lost");
            assertThat(probe.lost(firstReply)).as("echo requests to the VIP without a reply").isZero();
            assertThat(gap).as("longest probe gap").isLessThan(GAP_BOUND);
            List<AdvertCapture.Advert> all = adverts.adverts();
            List<AdvertCapture.Advert> seen = all.subList(firstAdvert, all.size());
            Duration advertGap = AdvertCapture.longestGap(all, firstAdvert);
            System.out.println("master adverts during the reloads: " + seen.size() + ", longest gap "
                    + advertGap.toMillis() + " ms");
            assertThat(seen).extracting(AdvertCapture.Advert::priority).as("priorities the master advertised")
                    .containsOnly(150);
            assertThat(advertGap).as("longest silence of the master").isLessThan(advertGapBound());

            invalidEditChangesNothing(lab, a, confA);
            priorityChangesInPlace(a, b, confA, confB);
            vipSetChangesInPlace(lab, a, b, watch, confA, confB);
            assertUnchanged(a, baseA);
            assertUnchanged(b, baseB);
        }
    }

    /**
     * The interval plus half of it (at least 250 ms): a reload that re-armed the master's advert
     * timer would leave up to twice the interval between two adverts.
     */
    private static Duration advertGapBound() {
        Duration interval = Duration.ofMillis(Math.round(Double.parseDouble(ADVERT_INT) * 1000));
        Duration slack = interval.dividedBy(2);
        return interval.plus(slack.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : slack);
    }

    private static void reloadMany(NetLab lab, Side s, Conf base) {
        Variant[] variants = Variant.values();
        for (int i = 0; i < RELOADS; i++) {
            Variant v = variants[i % variants.length];
            write(s.config(), base.with(v, i).yaml());
            reload(s, i % 2 == 1 ? Via.SIGHUP : i % 10 == 0 ? Via.CLI : Via.SOCKET);
            assertThat(holds(lab, "a", VIP)).as("VIP on the master after reload %d of %s (%s)", i, s.node(), v).isTrue();
            assertThat(holds(lab, "b", VIP)).as("VIP on the backup after reload %d of %s (%s)", i, s.node(), v).isFalse();
        }
        write(s.config(), base.yaml());
        reload(s, Via.CLI);
    }

    /** How a reload is asked for: the CLI (a JVM start each), the control socket it talks to, or SIGHUP. */
    private enum Via { CLI, SOCKET, SIGHUP }

    /**
     * Reloads with {@code vigil reload} (asserting exit 0), the same request sent straight to the
     * control socket (no JVM start per reload), or SIGHUP (waiting for the log line).
     */
    private static void reload(Side s, Via via) {
        int before = s.reloadsLogged();
        switch (via) {
            case CLI -> {
                ExecResult r = s.vigil().cli("reload");
                assertThat(r.exit()).as("vigil reload on %s: %s %s", s.node(), r.out(), r.err()).isZero();
            }
            case SOCKET -> {
                try {
                    java.util.Map<String, Object> reply = new dev.vigil.daemon.control.ControlClient(s.vigil().socket()).call("reload");
                    assertThat(reply.get("ok")).as("reload over the control socket of %s: %s", s.node(), reply).isEqualTo(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case SIGHUP -> s.vigil().hangUp();
        }
        Wait.until("reload applied on " + s.node() + " [" + s.vigil().logFile() + "]", Duration.ofSeconds(20),
                () -> s.reloadsLogged() > before);
    }

    private static void invalidEditChangesNothing(NetLab lab, Side a, Conf confA) {
        String good = confA.yaml();
        String bad = good.replace("priority: 150", "priority: 300");
        write(a.config(), bad);
        ExecResult r = a.vigil().cli("reload");
        assertThat(r.exit()).as("vigil reload of an invalid file").isEqualTo(1);
        int line = lineOf(bad, "priority: 300");
        int col = bad.lines().toList().get(line - 1).indexOf("300") + 1;
        assertThat(r.out() + r.err()).contains(a.config() + ":" + line + ":" + col + ":");
        int refused = (int) a.vigil().log().lines().filter(l -> l.contains(" refused")).count();
        a.vigil().hangUp();
        Wait.until("SIGHUP with an invalid file refused", Duration.ofSeconds(20), () ->
                a.vigil().log().lines().filter(l -> l.contains(" refused")).count() > refused);
        assertThat(a.vigil().alive()).isTrue();
        assertThat(state(a)).isEqualTo("MASTER");
        assertThat(a.instance("VI_1").path("priority").asInt()).isEqualTo(150);
        assertThat(holds(lab, "a", VIP)).isTrue();
        write(a.config(), good);
    }

    private static void priorityChangesInPlace(Side a, Side b, Conf confA, Conf confB) {
        write(a.config(), new Conf("a", 120, confA.vips(), Variant.SAME, 0, confA.notifyLog()).yaml());
        reload(a, Via.CLI);
        write(b.config(), new Conf("b", 110, confB.vips(), Variant.SAME, 0, confB.notifyLog()).yaml());
        reload(b, Via.SIGHUP);
        Wait.until("new priorities in effect", Duration.ofSeconds(10), () ->
                a.instance("VI_1").path("effective_priority").asInt() == 120
                        && b.instance("VI_1").path("effective_priority").asInt() == 110);
        assertThat(state(a)).isEqualTo("MASTER");
        assertThat(state(b)).isEqualTo("BACKUP");
    }

    private static void vipSetChangesInPlace(NetLab lab, Side a, Side b, AddressWatch watch, Conf confA, Conf confB) {
        List<String> swapped = List.of(VIP_NEW);
        write(a.config(), new Conf("a", 120, swapped, Variant.SAME, 0, confA.notifyLog()).yaml());
        write(b.config(), new Conf("b", 110, swapped, Variant.SAME, 0, confB.notifyLog()).yaml());
        reload(b, Via.CLI);
        reload(a, Via.SIGHUP);
        Wait.until("new VIP on the master, old one gone", Duration.ofSeconds(10), () ->
                holds(lab, "a", VIP_NEW) && !holds(lab, "a", VIP));
        // ip monitor writes its log in a process of its own: it may lag the kernel.
        Wait.until("ip monitor saw the swap", Duration.ofSeconds(10), () ->
                !watch.deletions(VIP).isEmpty() && !watch.additions(VIP_NEW).isEmpty());
        assertThat(watch.deletions(VIP)).hasSize(1);
        assertThat(watch.additions(VIP_NEW)).isNotEmpty();
        assertThat(holds(lab, "b", VIP_NEW)).isFalse();
        Probe probe = Probe.start(lab, "client", VIP_NEW);
        Wait.until("client reaches the new VIP", Duration.ofSeconds(10), () -> probe.replies() > 10);
        assertThat(state(a)).isEqualTo("MASTER");
    }

    private static void assertUnchanged(Side s, Baseline before) {
        Baseline now = Baseline.of(s);
        assertThat(now.transitions()).as("%s: state changes (status counters)", s.node()).isEqualTo(before.transitions());
        assertThat(now.becameMaster()).as("%s: became_master", s.node()).isEqualTo(before.becameMaster());
        assertThat(now.logged()).as("%s: '(VI_1) X -> Y' log lines [%s]", s.node(), s.vigil().logFile())
                .isEqualTo(before.logged());
        assertThat(now.notifications()).as("%s: notify script runs", s.node()).isEqualTo(before.notifications());
    }

    private static Conf conf(NetLab lab, String node, int priority, List<String> vips) throws IOException {
        Path notifyLog = lab.dir().resolve(node + ".notify.log");
        Path script = lab.dir().resolve(node + ".notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> " + notifyLog + "\n");
        script.toFile().setExecutable(true);
        return new Conf(node, priority, vips, Variant.SAME, 0, notifyLog);
    }

    private static Side start(NetLab lab, Conf c) {
        Path config = write(lab.dir().resolve(c.node() + ".yaml"), c.yaml());
        return new Side(c.node(), VigilProcess.start(lab, c.node(), c.node(), config), config, c.notifyLog());
    }

    private static String state(Side s) {
        return s.instance("VI_1").path("state").asText();
    }

    private static boolean holds(NetLab lab, String node, String vip) {
        return lab.addresses(lab.node(node).ns(), "eth0").stream().anyMatch(x -> x.startsWith(vip + "/"));
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the text");
    }

    private static Path write(Path p, String text) {
        try {
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
