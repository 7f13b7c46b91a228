package dev.vigil.daemon.vrrp;

import static dev.vigil.daemon.vrrp.VrrpLab.VIP4;
import static dev.vigil.daemon.vrrp.VrrpLab.holds;
import static dev.vigil.daemon.vrrp.VrrpLab.state;
import static dev.vigil.daemon.vrrp.VrrpLab.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed scenario: an nginx pair behind a VIP, each node's Vigil tracking its own nginx with
 * {@code vrrp_script chk_nginx} (curl, weight -60, fall 2, rise 2). Stopping nginx on the master
 * (150 - 60 = 90 < 100) moves the VIP to the backup; starting it again does not move it back,
 * because the recovered node has {@code nopreempt}. The backup keeps preemption on: with nopreempt
 * it would keep accepting the lower priority master's adverts (RFC 5798 6.4.2; keepalived does the
 * same), so only a FAULT could move the VIP. Notify scripts record their exact arguments; the same
 * scenario under keepalived 2.2.7 on both nodes must give the same VIP moves and the same lines.
 */
class NginxPairIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private static String nginxConf(Path dir, String node, String address) {
        String tmp = dir.resolve(node + ".nginx-tmp").toString();
        return """
                daemon off;
                user root;
                worker_processes 1;
                pid %1$s/%2$s.nginx.pid;
                error_log %1$s/%2$s.nginx.error.log;
                events {
                    worker_connections 64;
                }
                http {
                    access_log off;
                    client_body_temp_path %3$s/body;
                    proxy_temp_path %3$s/proxy;
                    fastcgi_temp_path %3$s/fastcgi;
                    uwsgi_temp_path %3$s/uwsgi;
                    scgi_temp_path %3$s/scgi;
                    server {
                        listen 127.0.0.1:80;
                        listen %4$s:80;
                        listen %5$s:80;
                        location / {
                            return 200 "%2$s\\n";
                        }
                    }
                }
                """.formatted(dir, node, tmp, address, VIP4);
    }

    private static String vrrpConf(Path dir, String node, int priority, boolean nopreempt) {
        String notify = dir.resolve("notify.sh").toString();
        String states = dir.resolve(node + ".notify-state").toString();
        return VrrpLab.conf(node.toUpperCase(), "    script_user root", """
                vrrp_script chk_nginx {
                    script "/usr/bin/curl -sf -o /dev/null -m 1 http://127.0.0.1/"
                    interval 1
                    timeout 2
                    weight -60
                    fall 2
                    rise 2
                }
                """, priority, """
                    version 2
                    advert_int 1
                    %s
                    track_script {
                        chk_nginx
                    }
                    virtual_ipaddress {
                        %s/24
                    }
                    notify_master "%s %s master"
                    notify_backup "%s %s backup"
                    notify "%s %s"
                """.formatted(nopreempt ? "nopreempt" : "", VIP4, notify, states, notify, states, notify,
                dir.resolve(node + ".notify")));
    }

    private static LabProcess nginx(NetLab lab, String node, String tag) {
        Path conf = lab.dir().resolve(node + ".nginx.conf");
        LabProcess p = LabProcess.start(lab, node, tag, NGINX.toString(), "-c", conf.toString(), "-e",
                lab.dir().resolve(node + ".nginx.stderr").toString());
        String address = lab.node(node).ipv4().split("/")[0];
        Wait.until("nginx on " + node + " answers [" + p.logFile() + "]", Duration.ofSeconds(15),
                () -> lab.run(lab.node(node).ns(), "curl", "-sf", "-m", "1", "http://" + address + "/").ok());
        return p;
    }

    private static List<String> lines(NetLab lab, String file) {
        try {
            Path p = lab.dir().resolve(file);
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failingCheckMovesTheVipAndNopreemptKeepsItThere() throws IOException {
        scenario(true);
    }

    /** The reference: keepalived 2.2.7 on both nodes, same configuration, same outcome and notify lines. */
    @Test
    void keepalivedPairDoesTheSame() throws IOException {
        dev.vigil.daemon.lab.LabAssumptions.assumeKeepalived();
        scenario(false);
    }

    private static void scenario(boolean vigil) throws IOException {
        assumeTrue(Files.isExecutable(NGINX), "skipped: nginx is not installed (scripts/install-deps test)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "skipped: curl is not installed");
        String who = vigil ? "vigil" : "keepalived";
        try (NetLab lab = VrrpLab.create(vigil ? "vng" : "vnk", false)) {
            Path dir = lab.dir();
            Path notify = write(lab, "notify.sh", "#!/bin/sh\nf=$1\nshift\necho \"$*\" >> \"$f\"\n");
            notify.toFile().setExecutable(true);
            for (String n : List.of("a", "b")) {
                lab.exec(lab.node(n).ns(), "sysctl", "-qw", "net.ipv4.ip_nonlocal_bind=1");
                write(lab, n + ".nginx.conf", nginxConf(dir, n, lab.node(n).ipv4().split("/")[0]));
                Files.createDirectories(dir.resolve(n + ".nginx-tmp"));
            }
            LabProcess nginxA = nginx(lab, "a", "nginx-a1");
            nginx(lab, "b", "nginx-b1");
            // a first: with nopreempt it would stay backup to a b that happened to start sooner
            LabProcess a = start(lab, vigil, "a", vrrpConf(dir, "a", 150, true));
            Wait.until(who + ": VIP on a [" + a.logFile() + "]", VrrpLab.STARTUP, () -> holds(lab, "a", VIP4));
            LabProcess b = start(lab, vigil, "b", vrrpConf(dir, "b", 100, false));
            if (b instanceof VigilProcess vb) {
                Wait.until("b is backup [" + b.logFile() + "]", VrrpLab.STARTUP, () -> "BACKUP".equals(state(vb)));
            }
            Wait.until("client gets a's page through the VIP", Duration.ofSeconds(10), () -> page(lab).equals("a"));

            nginxA.terminate();
            nginxA.waitFor(Duration.ofSeconds(10));
            Duration d = Wait.until(who + ": VIP moves to b when a's nginx check fails", Duration.ofSeconds(15),
                    () -> holds(lab, "b", VIP4) && !holds(lab, "a", VIP4));
            System.out.println("nginx pair (" + who + "): nginx stopped on master -> VIP on backup after " + d.toMillis() + " ms");
            if (a instanceof VigilProcess va) {
                assertThat(VrrpLab.statusCommand(va).path("effective_priority").asInt()).isEqualTo(90);
            }
            Wait.until("client gets b's page through the VIP", Duration.ofSeconds(10), () -> page(lab).equals("b"));

            int logged = a.log().length();
            nginx(lab, "a", "nginx-a2");
            if (a instanceof VigilProcess va) {
                Wait.until("a's priority back to 150", Duration.ofSeconds(10),
                        () -> VrrpLab.live(va).path("effective_priority").asInt() == 150);
            } else {
                Wait.until("keepalived on a: chk_nginx succeeds again [" + a.logFile() + "]", Duration.ofSeconds(10),
                        () -> a.log().substring(logged).contains("succeeded"));
            }
            VrrpLab.assertSteady(lab, VIP4, List.of("b"), Duration.ofSeconds(3), "a", "b");
            if (a instanceof VigilProcess va) {
                assertThat(state(va)).as("a, nopreempt, stays backup").isEqualTo("BACKUP");
            }
            assertThat(page(lab)).isEqualTo("b");
            assertNotifications(lab);
            stopBoth(lab, a, b);
        }
    }

    /** b stops (priority 0: a takes over), then a stops: a's notify lines end MASTER, then STOP. */
    private static void stopBoth(NetLab lab, LabProcess a, LabProcess b) {
        b.terminate();
        assertThat(b.waitFor(Duration.ofSeconds(15))).isZero();
        Wait.until("a takes over when b stops", Duration.ofSeconds(10), () -> holds(lab, "a", VIP4));
        // The notify script of that MASTER runs on its own: it must have written its line before
        // a stops, or STOP could come first.
        Wait.until("a's notify script logs MASTER", Duration.ofSeconds(10), () -> {
            List<String> notified = lines(lab, "a.notify");
            return notified.size() >= 4 && notified.get(notified.size() - 1).equals("INSTANCE VI_1 MASTER 150");
        });
        a.terminate();
        assertThat(a.waitFor(Duration.ofSeconds(15))).isZero();
        assertThat(lines(lab, "a.notify")).containsExactly("INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150",
                "INSTANCE VI_1 BACKUP 90", "INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 STOP 150");
        assertThat(lines(lab, "b.notify")).endsWith("INSTANCE VI_1 STOP 100");
    }

    private static LabProcess start(NetLab lab, boolean vigil, String node, String conf) {
        return vigil ? VigilProcess.start(lab, node, node + "1", write(lab, node + ".conf", conf))
                : KeepalivedProcess.start(lab, node, node + "1", conf);
    }

    private static String page(NetLab lab) {
        var r = lab.run(lab.node("client").ns(), "curl", "-sf", "-m", "1", "http://" + VIP4 + "/");
        return r.ok() ? r.out().trim() : "";
    }

    private static void assertNotifications(NetLab lab) {
        List<String> a = List.of("INSTANCE VI_1 BACKUP 150", "INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 BACKUP 90");
        Wait.until("a's notify lines " + a, Duration.ofSeconds(5), () -> lines(lab, "a.notify").size() >= a.size());
        assertThat(lines(lab, "a.notify")).containsExactlyElementsOf(a);
        assertThat(lines(lab, "a.notify-state")).containsExactly("backup", "master", "backup");
        List<String> b = List.of("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100");
        Wait.until("b's notify lines " + b, Duration.ofSeconds(5), () -> lines(lab, "b.notify").size() >= b.size());
        assertThat(lines(lab, "b.notify")).containsExactlyElementsOf(b);
        assertThat(lines(lab, "b.notify-state")).containsExactly("backup", "master");
    }
}
