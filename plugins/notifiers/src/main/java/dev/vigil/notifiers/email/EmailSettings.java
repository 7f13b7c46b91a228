package dev.vigil.notifiers.email;

import dev.vigil.notifiers.EventKinds;

import java.time.Duration;
import java.util.List;

/**
 * An {@code email} notifier's settings (keepalived's global_defs e-mail keys).
 *
 * @param to             recipients ({@code notification_email})
 * @param from           sender ({@code notification_email_from})
 * @param host           SMTP server ({@code smtp_server HOST [PORT]})
 * @param connectTimeout {@code smtp_connect_timeout}: connecting and each reply
 * @param routerId       the name in subjects ({@code router_id})
 * @param heloName       the name sent in HELO ({@code smtp_helo_name})
 */
public record EmailSettings(List<String> to, String from, String host, int port, Duration connectTimeout,
                            String routerId, String heloName, EventKinds events) {
    public EmailSettings {
        to = List.copyOf(to);
    }
}
