package dev.vigil.notifiers.email;

import dev.vigil.notifiers.EventKinds;
import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.SectionReader;
import dev.vigil.plugin.notify.Notifier;
import dev.vigil.plugin.notify.NotifierFactory;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code email}: {@code to} (required: a list or blank-separated addresses), {@code smtp_server}
 * ({@code HOST [PORT]}, required), {@code smtp_port} (25), {@code from}
 * ({@code keepalived@HOSTNAME}), {@code connect_timeout} (seconds, 30), {@code router_id} (the
 * node's name), {@code helo_name} (the host name), {@code events}.
 */
@Extension
public final class EmailNotifierFactory implements NotifierFactory {
    @Override
    public String type() {
        return "email";
    }

    @Override
    public List<ConfigProblem> validate(Section section) {
        SectionReader r = new SectionReader(section);
        read(r, "localhost");
        return r.finish();
    }

    static EmailSettings read(SectionReader r, String nodeName) {
        List<String> to = words(r.required("to"));
        if (r.section().setting("to").isPresent() && to.isEmpty()) {
            r.problem("to", "'to' needs at least one address");
        }
        List<String> server = words(r.required("smtp_server"));
        long port = r.integer("smtp_port", 25, 1, 65535);
        if (server.size() == 2) {
            try {
                port = Integer.parseInt(server.get(1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                r.problem("smtp_server", "'smtp_server' port must be between 1 and 65535, not " + server.get(1));
            }
        } else if (server.size() > 2) {
            r.problem("smtp_server", "'smtp_server' is HOST [PORT], not " + server);
        }
        String host = hostName();
        String from = r.string("from", "keepalived@" + host);
        Duration timeout = r.seconds("connect_timeout", Duration.ofSeconds(30));
        String routerId = r.string("router_id", nodeName);
        String helo = r.string("helo_name", host);
        EventKinds events = EventKinds.read(r);
        return new EmailSettings(to, from, server.isEmpty() ? "" : server.get(0), (int) port, timeout, routerId, helo,
                events);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[\\s,]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public Notifier create(Section section, PluginContext context) {
        SectionReader r = new SectionReader(section);
        EmailSettings s = read(r, context.nodeName());
        List<ConfigProblem> problems = r.finish();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        return new EmailNotifier(s);
    }
}
