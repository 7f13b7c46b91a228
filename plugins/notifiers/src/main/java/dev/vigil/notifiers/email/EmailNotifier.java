package dev.vigil.notifiers.email;

import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;

import java.io.IOException;
import java.util.Optional;

/** One mail per event keepalived mails about ({@link Mails}), sent by {@link SmtpClient}. */
final class EmailNotifier implements Notifier {
    private final EmailSettings settings;

    EmailNotifier(EmailSettings settings) {
        this.settings = settings;
    }

    @Override
    public void deliver(Event event) throws IOException {
        if (!settings.events().accepts(event)) {
            return;
        }
        Optional<Mails.Alert> alert = Mails.alert(event, settings.routerId());
        if (alert.isPresent()) {
            SmtpClient.send(settings, Mails.message(settings, alert.get(), event));
        }
    }
}
