package dev.vigil.notifiers;

import dev.vigil.notifiers.email.EmailNotifierFactory;
import dev.vigil.notifiers.fifo.FifoNotifierFactory;
import dev.vigil.notifiers.script.ScriptNotifierFactory;
import dev.vigil.notifiers.webhook.WebhookNotifierFactory;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.notify.NotifierFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation of every notifier section, and the PF4J index of extensions. */
class FactoriesTest {
    static List<String> messages(NotifierFactory f, Map<String, ?> settings) {
        return f.validate(Section.of(f.type(), settings)).stream().map(ConfigProblem::message).toList();
    }

    @Test
    void requiredKeys() {
        assertThat(messages(new ScriptNotifierFactory(), Map.of())).containsExactly("script needs 'command'");
        assertThat(messages(new FifoNotifierFactory(), Map.of())).containsExactly("fifo needs 'path'");
        assertThat(messages(new EmailNotifierFactory(), Map.of()))
                .containsExactly("email needs 'to'", "email needs 'smtp_server'");
        assertThat(messages(new WebhookNotifierFactory(), Map.of())).containsExactly("webhook needs 'url'");
    }

    @Test
    void validSections() {
        assertThat(messages(new ScriptNotifierFactory(), Map.of("command", "/usr/local/bin/n.sh 'a b'", "timeout", "2",
                "user", "nobody", "events", List.of("vrrp")))).isEmpty();
        assertThat(messages(new FifoNotifierFactory(), Map.of("path", "/run/k.fifo", "events", "vrrp checker"))).isEmpty();
        assertThat(messages(new EmailNotifierFactory(), Map.of("to", List.of("a@x", "b@x"), "smtp_server", "10.0.0.5 2525",
                "from", "lb@x", "connect_timeout", "5", "router_id", "lb1", "helo_name", "lb1.x"))).isEmpty();
        assertThat(messages(new WebhookNotifierFactory(), Map.of("url", "https://hooks.example/vigil", "retries", 2,
                "backoff", "0.2", "timeout", "1", "connect_timeout", "1"))).isEmpty();
    }

    @Test
    void badValuesAreNamed() {
        assertThat(messages(new ScriptNotifierFactory(), Map.of("command", "x", "events", "vrrp bogus")))
                .containsExactly("'events' takes vrrp and/or checker, not [bogus]");
        assertThat(messages(new EmailNotifierFactory(), Map.of("to", "a@x", "smtp_server", "mail 99999")))
                .containsExactly("'smtp_server' port must be between 1 and 65535, not 99999");
        assertThat(messages(new WebhookNotifierFactory(), Map.of("url", "ftp://x/")))
                .containsExactly("'url' must be an http:// or https:// URL with a host, not 'ftp://x/'");
        assertThat(messages(new WebhookNotifierFactory(), Map.of("url", "http://x/", "retries", "11", "tries", "1")))
                .containsExactly("'retries' must be between 0 and 10, not 11", "unknown key 'tries' in webhook");
    }

    @Test
    void everyFactoryIsIndexedForPf4j() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/extensions.idx")) {
            assertThat(in).isNotNull();
            String idx = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(idx).contains(ScriptNotifierFactory.class.getName(), FifoNotifierFactory.class.getName(),
                    EmailNotifierFactory.class.getName(), WebhookNotifierFactory.class.getName());
        }
    }
}
