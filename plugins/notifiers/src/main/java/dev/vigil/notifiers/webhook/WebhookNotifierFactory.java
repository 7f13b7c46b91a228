package dev.vigil.notifiers.webhook;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import org.pf4j.Extension;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * {@code webhook}: {@code url} (http or https, required), {@code connect_timeout} (seconds, 2),
 * {@code timeout} (seconds per attempt, 3), {@code retries} (3), {@code backoff} (seconds before the
 * first retry, 0.5, doubling), {@code events}.
 */
@Extension
public final class WebhookNotifierFactory implements NotifierFactory {
    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        SectionReader r = new SectionReader(section);
        read(r);
        return r.finish();
    }

    static WebhookSettings read(SectionReader r) {
        String url = r.required("url");
        URI uri = URI.create("http://localhost/");
        if (r.section().setting("url").isPresent()) {
            try {
                uri = new URI(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    r.problem("url", "'url' must be an http:// or https:// URL with a host, not '" + url + "'");
                }
            } catch (URISyntaxException e) {
                r.problem("url", "'url' is not a URL: " + e.getMessage());
            }
        }
        Duration connect = r.seconds("connect_timeout", Duration.ofSeconds(2));
        Duration timeout = r.seconds("timeout", Duration.ofSeconds(3));
        int retries = (int) r.integer("retries", 3, 0, 10);
        Duration backoff = r.seconds("backoff", Duration.ofMillis(500));
        EventKinds events = EventKinds.read(r);
        return new WebhookSettings(uri, connect, timeout, retries, backoff, events);
    }

    @Override
    public Notifier create(Section section, PluginContext context) {
        SectionReader r = new SectionReader(section);
        WebhookSettings s = read(r);
        List<ConfigProblem> problems = r.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new WebhookNotifier(s, d -> Thread.sleep(d.toMillis()));
    }
}
