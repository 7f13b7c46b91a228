package dev.vigil.notifiers.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigil.notifiers.Events;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.notify.Notifier;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailNotifierTest {
    @TempDir
    Path dir;

    private Notifier notifier(int port, Map<String, Object> more) {
        Map<String, Object> s = new HashMap<>(Map.of("to", List.of("ops@example.com", "noc@example.com"),
                "from", "lb1@example.com", "smtp_server", "127.0.0.1 " + port, "router_id", "LB1",
                "helo_name", "lb1.example.com"));
        s.putAll(more);
        return new EmailNotifierFactory().create(Section.of("email", s), Events.context(dir));
    }

    @Test
    void speaksKeepalivedsSmtpDialogue() throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(Map.of(), true)) {
            notifier(smtp.port(), Map.of()).deliver(Events.instance(7, "VI_1", "BACKUP", "MASTER", 150));
            List<String> d = smtp.dialogue;
            assertThat(d.subList(0, 5)).containsExactly("HELO lb1.example.com", "MAIL FROM:<lb1@example.com>",
                    "RCPT TO:<ops@example.com>", "RCPT TO:<noc@example.com>", "DATA");
            assertThat(d.get(5)).matches("Date: \\w{3}, \\d{2} \\w{3} 2026 \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
            assertThat(d.subList(6, d.size())).containsExactly("From: lb1@example.com",
                    "Subject: [LB1] VRRP Instance VI_1 - Entering MASTER state", "X-Mailer: Keepalived",
                    "To: ops@example.com, noc@example.com", "",
                    "=> VRRP Instance is now owning VRRP VIPs <=", ".", "QUIT");
        }
    }

    @Test
    void aRefusedRecipientFailsWithTheServersReply() throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(Map.of("RCPT", "550 5.1.1 no such user"), true)) {
            assertThatThrownBy(() -> notifier(smtp.port(), Map.of()).deliver(Events.realServer(1, false, "x")))
                    .isInstanceOf(IOException.class).hasMessage("SMTP RCPT refused: 550 5.1.1 no such user");
        }
    }

    @Test
    void aSilentServerTimesOutAfterTheConnectTimeout() throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(Map.of(), false)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> notifier(smtp.port(), Map.of("connect_timeout", "0.3"))
                    .deliver(Events.virtualServer(1, true))).isInstanceOf(IOException.class).hasMessageContaining("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void eventsKeepalivedDoesNotMailAboutSendNothing() throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(Map.of(), true)) {
            notifier(smtp.port(), Map.of()).deliver(Events.instance(1, "VI_1", "MASTER", "STOP", 150));
            notifier(smtp.port(), Map.of("events", "vrrp")).deliver(Events.realServer(2, true, ""));
            assertThat(smtp.dialogue).isEmpty();
        }
    }

    @Test
    void aRealSmtpServerReceivesTheMails() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        mail.start();
        try {
            Notifier n = notifier(mail.getSmtp().getPort(), Map.of());
            n.deliver(Events.realServer(1, false, "connection refused"));
            n.deliver(Events.virtualServer(2, false));
            n.deliver(Events.group(3, "G1", "BACKUP"));
            MimeMessage[] got = mail.getReceivedMessagesForDomain("example.com");
            List<String> subjects = new java.util.ArrayList<>();
            for (MimeMessage m : got) {
                subjects.add(m.getSubject() + " | " + String.valueOf(m.getContent()).trim());
            }
            assertThat(subjects).containsSubsequence(
                    "[LB1] Realserver [192.168.1.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN | "
                            + "=> CHECK failed on service : connection refused <=",
                    "[LB1] Virtualserver [10.0.0.1]:tcp:80 - DOWN | => Lost quorum for VS [10.0.0.1]:tcp:80 <=",
                    "[LB1] VRRP Group G1 - Entering BACKUP state | => All VRRP group instances are now in BACKUP state <=");
        } finally {
            mail.stop();
        }
    }
}
