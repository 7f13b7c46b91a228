package dev.vigil.notifiers.email;

import dev.vigil.notifiers.KeepalivedText;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * keepalived's alert mails: subject and body per event, and the message text (headers {@code Date},
 * {@code From}, {@code Subject}, {@code X-Mailer: Keepalived}, {@code To} with the recipients on one
 * line, comma-separated, as keepalived 2.2.7 writes them). Only the changes keepalived
 * mails about make a mail: an instance or group entering MASTER, BACKUP or FAULT, a real server up
 * or down, a virtual server's quorum gained or lost.
 */
public final class Mails {
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ENGLISH);

    /** A mail's subject and body. */
    public record Alert(String subject, String body) {
    }

    private Mails() {
    }

    public static Optional<Alert> alert(Event e, String routerId) {
        if (e instanceof VrrpEvent v) {
            return vrrp(v, routerId);
        }
        if (e instanceof RealServerEvent r) {
            String state = KeepalivedText.upDown(r.up());
            String body = r.up() ? "=> CHECK succeed on service <="
                    : "=> CHECK failed on service" + (r.reason().isBlank() ? "" : " : " + r.reason()) + " <=";
            return Optional.of(new Alert("[" + routerId + "] Realserver " + r.realServer() + " of virtual server "
                    + r.virtualServer() + " - " + state, body));
        }
        VirtualServerEvent v = (VirtualServerEvent) e;
        return Optional.of(new Alert("[" + routerId + "] Virtualserver " + v.virtualServer() + " - "
                + KeepalivedText.upDown(v.quorumUp()),
                "=> " + (v.quorumUp() ? "Gained" : "Lost") + " quorum for VS " + v.virtualServer() + " <="));
    }

    private static Optional<Alert> vrrp(VrrpEvent v, String routerId) {
        String body;
        if (v.group()) {
            body = "=> All VRRP group instances are now in " + v.to() + " state <=";
        } else {
            body = switch (v.to()) {
                case "MASTER" -> "=> VRRP Instance is now owning VRRP VIPs <=";
                case "BACKUP" -> "=> VRRP Instance is no longer owning VRRP VIPs <=";
                case "FAULT" -> "=> VRRP Instance is in FAULT state <=";
                default -> null;
            };
        }
        if (!List.of("MASTER", "BACKUP", "FAULT").contains(v.to()) || body == null) {
            return Optional.empty();
        }
        return Optional.of(new Alert("[" + routerId + "] VRRP " + (v.group() ? "Group " : "Instance ") + v.name()
                + " - Entering " + v.to() + " state", body));
    }

    /** The DATA of a mail, CRLF line ends, dot-stuffed, without the final {@code .} line. */
    public static String message(EmailSettings s, Alert a, Event e) {
        StringBuilder m = new StringBuilder();
        m.append("Date: ").append(RFC822.format(e.time().atZone(ZoneId.systemDefault()))).append("\r\n");
        m.append("From: ").append(s.from()).append("\r\n");
        m.append("Subject: ").append(a.subject()).append("\r\n");
        m.append("X-Mailer: Keepalived\r\n");
        m.append("To: ").append(String.join(", ", s.to())).append("\r\n\r\n");
        for (String line : a.body().split("\r?\n", -1)) {
            m.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        return m.toString();
    }
}
