package dev.vigil.healthcheck.smtp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.healthcheck.Checks;
import dev.vigil.plugin.check.CheckResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpCheckTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path dir;
    Checks checks;

    @BeforeEach
    void start() {
        checks = new Checks(dir);
    }

    @AfterEach
    void stop() {
        checks.close();
    }

    @Test
    void upAgainstGreenMail() throws Exception {
        CheckResult r = checks.run(new SmtpCheckFactory(), Map.of("helo_name", "checker.example.test"),
                greenMail.getSmtp().getPort());
        assertThat(r.healthy()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("SMTP 221");
    }

    @Test
    void downWhenTheGreetingRefuses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("554 no service here\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the checker closed first
                }
            });
            t.start();
            CheckResult r = checks.run(new SmtpCheckFactory(), Map.of(), server.getLocalPort());
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("SMTP greeting answered '554 no service here'");
            t.join(5000);
        }
    }
}
