package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.holds;
import static dev.vigil.daemon.vrrp.VrrpLab.state;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import dev.vigil.kernel.netns.NetNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notifiers plugin (built by {@code plugins/notifiers}, loaded from its zip) on a Vigil pair
 * in network namespaces: every node has a {@code script}, a {@code fifo}, an {@code email} and a
 * {@code webhook} notifier; the client node runs a real SMTP server (Debian's aiosmtpd) and an HTTP
 * receiver. A failover (the master stops) must reach each notifier with the right events in
 * order. Then keepalived.conf's own e-mail settings ({@code notification_email}, {@code smtp_server},
 * {@code smtp_alert}): keepalived 2.2.7 and Vigil, in turn on the same node with the same file,
 * must send the same mails.
 */
class NotifiersIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "10.79.0.100";

    /** An aiosmtpd handler that appends each mail as one JSON line (HELO name, envelope, content). */
    private static final String STORE = """
            import json
            class Store:
                def __init__(self, path):
                    self.path = path
                @classmethod
                def from_cli(cls, parser, *args):
                    return cls(args[0])
                async def handle_DATA(self, server, session, envelope):
                    with open(self.path, 'a') as f:
                        f.write(json.dumps({'helo': session.host_name, 'from': envelope.mail_from,
                                            'to': envelope.rcpt_tos,
                                            'data': envelope.original_content.decode('utf-8', 'replace')}) + '\\n')
                    return '250 OK'
            """;

    private static Path pluginsDir(NetLab lab) throws IOException {
        for (Path base : List.of(Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().getParent())) {
            Path target = base.resolve("plugins/notifiers/target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    Path zip = s.filter(p -> p.getFileName().toString().matches("vigil-notifiers-.*\\.zip")).findFirst()
                            .orElse(null);
                    if (zip != null) {
                        Path dir = Files.createDirectories(lab.dir().resolve("plugins"));
                        Files.copy(zip, dir.resolve(zip.getFileName()));
                        return dir;
                    }
                }
            }
        }
        return null;
    }

    /** Starts the SMTP server on the client node, port 2525; mails go to {@code mails.jsonl}. */
    private static LabProcess smtpServer(NetLab lab) {
        write(lab, "mailstore.py", STORE);
        Path mails = lab.dir().resolve("mails.jsonl");
        LabProcess p = LabProcess.start(lab, "client", "smtp", "env", "PYTHONPATH=" + lab.dir(), PYTHON.toString(), "-m",
                "aiosmtpd", "-n", "-l", CLIENT + ":2525", "-c", "mailstore.Store", mails.toString());
        Wait.until("SMTP server listens [" + p.logFile() + "]", Duration.ofSeconds(20),
                () -> lab.run(lab.node("client").ns(), "ss", "-Hltn", "sport = :2525").out().contains("2525"));
        return p;
    }

    private static List<JsonNode> mails(NetLab lab) {
        Path f = lab.dir().resolve("mails.jsonl");
        List<JsonNode> out = new ArrayList<>();
        try {
            if (Files.exists(f)) {
                String text = Files.readString(f);
                // Only whole lines: the server may be writing the last one.
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).lines().toList()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The header {@code name} of a mail's data. */
    private static String header(JsonNode mail, String name) {
        for (String line : mail.path("data").asText().split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    private static String body(JsonNode mail) {
        String data = mail.path("data").asText().replace("\r\n", "\n");
        return data.substring(data.indexOf("\n\n") + 2).trim();
    }

    /** Subject and body of every mail whose subject starts with {@code [ROUTER]}. */
    private static List<String> mailsOf(NetLab lab, String router) {
        return mails(lab).stream().filter(m -> String.valueOf(header(m, "Subject")).startsWith("[" + router + "]"))
                .map(m -> header(m, "Subject") + " | " + body(m)).toList();
    }

    private static List<String> lines(NetLab lab, String file) {
        try {
            Path p = lab.dir().resolve(file);
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yaml(NetLab lab, String node, int priority) {
        Path d = lab.dir();
        return """
                global_defs:
                  router_id: %1$s
                vrrp_instance:
                  VI_1:
                    state: BACKUP
                    interface: eth0
                    virtual_router_id: 62
                    priority: %2$d
                    advert_int: 1
                    virtual_ipaddress:
                      - %3$s/24
                notifiers:
                  - type: script
                    command: %4$s/notify.sh %4$s/%5$s.script
                  - type: fifo
                    path: %4$s/%5$s.fifo
                  - type: email
                    to: [ops@example.com, noc@example.com]
                    smtp_server: %6$s 2525
                    from: vigil-%5$s@example.com
                    connect_timeout: 5
                  - type: webhook
                    url: http://%6$s:8080/hook/%5$s
                    retries: 2
                """.formatted(node.toUpperCase(), priority, VIP4, d, node, CLIENT);
    }

    @Test
    void aFailoverReachesEveryNotifierInOrder() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/aiosmtpd")),
                "skipped: python3-aiosmtpd is not installed (scripts/install-deps test)");
        try (NetLab lab = VrrpLab.create("vnf", false)) {
            Path plugins = pluginsDir(lab);
            assumeTrue(plugins != null, "skipped: no plugins/notifiers/target/vigil-notifiers-*.zip (mvn package)");
            Path notify = write(lab, "notify.sh", "#!/bin/sh\nf=$1\nshift\necho \"$*\" >> \"$f\"\n");
            notify.toFile().setExecutable(true);
            smtpServer(lab);
            List<String> hooks = new CopyOnWriteArrayList<>();
            HttpServer http = NetNamespace.named(lab.node("client").ns()).call(() -> {
                HttpServer s = HttpServer.create(new InetSocketAddress(CLIENT, 8080), 16);
                s.createContext("/hook", x -> {
                    hooks.add(x.getRequestURI().getPath() + " " + new String(x.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8));
                    x.sendResponseHeaders(204, -1);
                    x.close();
                });
                s.start();
                return s;
            });
            try {
                for (String n : List.of("a", "b")) {
                    lab.exec(lab.node(n).ns(), "mkfifo", lab.dir().resolve(n + ".fifo").toString());
                    LabProcess.start(lab, n, n + "-fifo-reader", "sh", "-c",
                            "exec cat " + lab.dir().resolve(n + ".fifo") + " > " + lab.dir().resolve(n + ".fifo-lines"));
                }
                VigilProcess a = VigilProcess.start(lab, "a", "a1", write(lab, "a.yaml", yaml(lab, "a", 150)),
                        "--plugins-dir", plugins.toString());
                Wait.until("VIP on a [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
                VigilProcess b = VigilProcess.start(lab, "b", "b1", write(lab, "b.yaml", yaml(lab, "b", 100)),
                        "--plugins-dir", plugins.toString());
                Wait.until("b is backup [" + b.logFile() + "]", VrrpLab.STARTUP, () -> "BACKUP".equals(state(b)));

                long stopped = System.nanoTime();
                a.terminate();
                assertThat(a.waitFor(Duration.ofSeconds(20))).isZero();
                Wait.until("b takes over", Duration.ofSeconds(10), () -> holds(lab, "b", VIP4));
                Wait.until("every notifier of b heard MASTER", Duration.ofSeconds(30),
                        () -> lines(lab, "b.script").size() >= 2 && lines(lab, "b.fifo-lines").size() >= 2
                                && mailsOf(lab, "B").size() >= 2 && hooks.stream().filter(h -> h.startsWith("/hook/b ")).count() >= 2);
                System.out.println("notifiers: master stopped -> every notifier of the new master had MASTER after "
                        + Duration.ofNanos(System.nanoTime() - stopped).toMillis() + " ms");

                assertThat(lines(lab, "a.script")).containsExactly("INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                        "INSTANCE VI_1 STOP 150");
                assertThat(lines(lab, "b.script")).containsExactly("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100");
                assertThat(lines(lab, "a.fifo-lines")).containsExactly("INSTANCE \"VI_1\" BACKUP 150",
                        "INSTANCE \"VI_1\" MASTER 150", "INSTANCE \"VI_1\" STOP 150");
                assertThat(lines(lab, "b.fifo-lines")).containsExactly("INSTANCE \"VI_1\" BACKUP 100",
                        "INSTANCE \"VI_1\" MASTER 100");
                assertThat(mailsOf(lab, "A")).containsExactly(
                        "[A] VRRP Instance VI_1 - Entering BACKUP state | => VRRP Instance is no longer owning VRRP VIPs <=",
                        "[A] VRRP Instance VI_1 - Entering MASTER state | => VRRP Instance is now owning VRRP VIPs <=");
                assertThat(mailsOf(lab, "B")).containsExactly(
                        "[B] VRRP Instance VI_1 - Entering BACKUP state | => VRRP Instance is no longer owning VRRP VIPs <=",
                        "[B] VRRP Instance VI_1 - Entering MASTER state | => VRRP Instance is now owning VRRP VIPs <=");
                JsonNode mail = mails(lab).get(0);
                assertThat(mail.path("to").toString()).isEqualTo("[\"ops@example.com\",\"noc@example.com\"]");
                assertThat(header(mail, "X-Mailer")).isEqualTo("Keepalived");
                assertThat(webhook(hooks, "a")).containsExactly("1 INIT BACKUP 150", "2 BACKUP MASTER 150", "3 MASTER STOP 150");
                assertThat(webhook(hooks, "b")).containsExactly("1 INIT BACKUP 100", "2 BACKUP MASTER 100");
                assertThat(b.cli("status", "--json").out()).contains("webhook-1", "delivered");
            } finally {
                http.stop(0);
            }
        }
    }

    /** Sequence, old and new state and priority of each webhook POST of node {@code node}. */
    private static List<String> webhook(List<String> hooks, String node) throws IOException {
        List<String> out = new ArrayList<>();
        for (String h : hooks) {
            if (h.startsWith("/hook/" + node + " ")) {
                JsonNode j = JSON.readTree(h.substring(h.indexOf(' ') + 1));
                assertThat(j.path("type").asText()).isEqualTo("vrrp");
                assertThat(j.path("node").asText()).isEqualTo(node.toUpperCase());
                assertThat(j.path("instance").asText()).isEqualTo("VI_1");
                out.add(j.path("sequence").asLong() + " " + j.path("old_state").asText() + " "
                        + j.path("new_state").asText() + " " + j.path("priority").asInt());
            }
        }
        return out;
    }

    /**
     * keepalived.conf unchanged: global_defs e-mail settings and {@code smtp_alert}. keepalived 2.2.7
     * runs node a (master, then stopped); then Vigil runs node a with the same file: both must mail
     * the same subjects and bodies, with the same headers but the date, over the same dialogue.
     */
    @Test
    void keepalivedConfSmtpAlertSendsTheMailsKeepalivedSends() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/aiosmtpd")),
                "skipped: python3-aiosmtpd is not installed (scripts/install-deps test)");
        LabAssumptions.assumeKeepalived();
        try (NetLab lab = VrrpLab.create("vnk", false)) {
            Path plugins = pluginsDir(lab);
            assumeTrue(plugins != null, "skipped: no plugins/notifiers/target/vigil-notifiers-*.zip (mvn package)");
            smtpServer(lab);
            String conf = VrrpLab.conf("LB_A", """
                        notification_email {
                            ops@example.com
                            noc@example.com
                        }
                        notification_email_from lb-a@example.com
                        smtp_server %s 2525
                        smtp_helo_name lb-a.example.com
                        smtp_connect_timeout 5
                    """.formatted(CLIENT), "", 150, VrrpLab.V2_PASS + "    smtp_alert\n");
            KeepalivedProcess k = KeepalivedProcess.start(lab, "a", "ka", conf);
            Wait.until("keepalived: VIP on a [" + k.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("keepalived mailed MASTER [" + k.logFile() + "]", Duration.ofSeconds(30),
                    () -> mailsOf(lab, "LB_A").stream().anyMatch(m -> m.contains("MASTER")));
            k.terminate();
            k.waitFor(Duration.ofSeconds(15));
            Wait.until("VIP gone from a", Duration.ofSeconds(10), () -> !holds(lab, "a", VIP4));
            List<JsonNode> byKeepalived = mails(lab);
            Files.delete(lab.dir().resolve("mails.jsonl"));

            VigilProcess v = VigilProcess.start(lab, "a", "va", write(lab, "a.conf", conf), "--plugins-dir", plugins.toString());
            Wait.until("vigil: VIP on a [" + v.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            Wait.until("vigil mailed as many as keepalived [" + v.logFile() + "]", Duration.ofSeconds(30),
                    () -> mails(lab).size() >= byKeepalived.size());
            v.terminate();
            assertThat(v.waitFor(Duration.ofSeconds(20))).isZero();
            List<JsonNode> byVigil = mails(lab);
            System.out.println("smtp_alert mails, keepalived: " + byKeepalived.stream().map(m -> header(m, "Subject")).toList()
                    + "; vigil: " + byVigil.stream().map(m -> header(m, "Subject")).toList());
            assertThat(describe(byVigil)).isEqualTo(describe(byKeepalived));
        }
    }

    /** A mail without its date: HELO name, envelope, headers From, Subject, X-Mailer, To, and the body. */
    private static List<String> describe(List<JsonNode> mails) {
        return mails.stream().map(m -> String.join(" | ", m.path("helo").asText(), m.path("from").asText(),
                m.path("to").toString(), header(m, "From"), header(m, "Subject"), header(m, "X-Mailer"),
                m.path("data").asText().replaceAll("(?s).*\r?\nTo:(.*?)\r?\n\r?\n.*", "$1"), body(m))).toList();
    }
}
