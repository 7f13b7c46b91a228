package dev.vigil.healthcheck.udp;

import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** UDP_CHECK against an echo server, a silent socket and a closed port. */
class UdpCheckTest {
    @TempDir
    Path dir;
    Checks checks;
    DatagramSocket echo;
    Thread echoThread;

    @BeforeEach
    void start() throws IOException {
        checks = new Checks(dir);
        echo = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        echoThread = new Thread(() -> {
            byte[] buf = new byte[2048];
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    echo.receive(p);
                    echo.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed
            }
        }, "udp-echo");
        echoThread.setDaemon(true);
        echoThread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        echo.close();
        echoThread.join(2000);
        checks.close();
    }

    @Test
    void echoedReplyMatchesThePattern() throws Exception {
        CheckResult r = checks.run(new UdpCheckFactory(), Map.of("payload", "Ab12f 3", "require_reply", "ab 12 0x"),
                echo.getLocalPort());
        assertThat(r.healthy()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("reply of 4 bytes");
    }

    @Test
    void replyThatDoesNotMatchIsDown() throws Exception {
        CheckResult r = checks.run(new UdpCheckFactory(), Map.of("payload", "0102", "require_reply", "0103"),
                echo.getLocalPort());
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("reply 0102 does not match 0103");
    }

    @Test
    void replyLengthsAreChecked() throws Exception {
        CheckResult r = checks.run(new UdpCheckFactory(), Map.of("payload", "010203", "require_reply", "true",
                "min_reply_length", "4"), echo.getLocalPort());
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).isEqualTo("reply of 3 bytes, expected 4-255");
    }

    @Test
    void closedPortIsDownAndSilenceIsUpWithoutRequireReply() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CheckResult closed = checks.run(new UdpCheckFactory(), Map.of(), port);
        assertThat(closed.healthy()).isFalse();
        assertThat(closed.message()).isEqualTo("ICMP port unreachable");
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             HealthChecker c = checks.checker(new UdpCheckFactory(), Map.of())) {
            CheckResult quiet = checks.run(c, silent.getLocalPort(), Duration.ofMillis(400));
            assertThat(quiet.healthy()).isTrue();
            assertThat(quiet.message()).isEqualTo("no ICMP error");
        }
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             HealthChecker c = checks.checker(new UdpCheckFactory(), Map.of("require_reply", "true"))) {
            CheckResult quiet = checks.run(c, silent.getLocalPort(), Duration.ofMillis(400));
            assertThat(quiet.healthy()).isFalse();
            assertThat(quiet.message()).isEqualTo("no reply within 400 ms");
        }
    }
}
