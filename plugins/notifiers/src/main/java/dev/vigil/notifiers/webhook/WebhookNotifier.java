package dev.vigil.notifiers.webhook;

import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs each event as JSON ({@link EventJson}). An attempt that cannot connect, times out, or gets
 * 5xx or 429 is retried after a wait that doubles each time; any other non-2xx answer, or the last
 * failed attempt, fails the delivery (the host counts and logs it). Every attempt is bounded by the
 * connect and response timeouts, so one delivery never outlasts {@link WebhookSettings#worstCase()}.
 */
final class WebhookNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    /** Waits between attempts; tests replace it. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final WebhookSettings settings;
    private final HttpClient client;
    private final Sleeper sleeper;

    WebhookNotifier(WebhookSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void deliver(Event event) throws IOException, InterruptedException {
        if (!settings.events().accepts(event)) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "vigil")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.of(event), StandardCharsets.UTF_8)).build();
        Duration wait = settings.backoff();
        for (int attempt = 0; ; attempt++) {
            String failure;
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                int code = r.statusCode();
                if (code / 100 == 2) {
                    return;
                }
                failure = "HTTP " + code;
                if (code / 100 != 5 && code != 429) {
                    throw new IOException(settings.url() + " answered " + failure + " to event " + event.sequence());
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains(" answered HTTP ")) {
                    throw e;
                }
                failure = e.toString();
            }
            if (attempt >= settings.retries()) {
                throw new IOException(settings.url() + ": event " + event.sequence() + " not delivered after "
                        + (attempt + 1) + " attempts, last: " + failure);
            }
            LOG.debug("webhook {}: event {} attempt {} failed ({}), retrying in {} ms", settings.url(),
                    event.sequence(), attempt + 1, failure, wait.toMillis());
            sleeper.sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }
}
