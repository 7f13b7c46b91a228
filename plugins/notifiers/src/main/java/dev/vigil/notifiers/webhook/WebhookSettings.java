package dev.vigil.notifiers.webhook;

import dev.vigil.notifiers.EventKinds;

import java.net.URI;
import java.time.Duration;

/**
 * A {@code webhook} notifier's settings.
 *
 * @param connectTimeout for the TCP (and TLS) connection
 * @param timeout        for the whole response of one attempt
 * @param retries        further attempts after a failed one (connection error, timeout, 5xx, 429)
 * @param backoff        wait before the first retry; doubles for each next one
 */
public record WebhookSettings(URI url, Duration connectTimeout, Duration timeout, int retries, Duration backoff,
                              EventKinds events) {
    /** The longest one delivery can take: every attempt timing out, and every wait. */
    public Duration worstCase() {
        Duration d = connectTimeout.plus(timeout).multipliedBy(retries + 1L);
        Duration wait = backoff;
        for (int i = 0; i < retries; i++) {
            d = d.plus(wait);
            wait = wait.multipliedBy(2);
        }
        return d;
    }
}
