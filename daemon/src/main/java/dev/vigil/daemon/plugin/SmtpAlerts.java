package dev.vigil.daemon.plugin;

import dev.vigil.conf.model.GlobalDefs;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpSyncGroup;
import dev.vigil.daemon.lvs.CheckerLabels;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * keepalived's e-mail alerts from global_defs ({@code notification_email},
 * {@code notification_email_from}, {@code smtp_server}, {@code smtp_helo_name},
 * {@code smtp_connect_timeout}, {@code router_id}) as an implicit {@code email} notifier, and which
 * events it mails about, as keepalived decides: an instance by its own {@code smtp_alert}, else
 * {@code smtp_alert_vrrp}, else {@code smtp_alert}, and not when its sync group mails instead; a
 * sync group likewise; a real server by its {@code smtp_alert}, else its virtual server's, else
 * {@code smtp_alert_checker}, else {@code smtp_alert}; a virtual server's quorum by its own, else
 * the checker default. Nothing is mailed without recipients and a server.
 */
final class SmtpAlerts {
    /** The implicit notifier's name in status and metrics. */
    static final String NAME = "smtp_alert";

    private SmtpAlerts() {
    }

    /** The {@code email} section global_defs amounts to, when it names recipients and a server. */
    static Optional<Section> section(GlobalDefs g, String node, String hostName) {
        if (g.notificationEmail().isEmpty() || g.smtpServer() == null) {
            return Optional.empty();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("to", g.notificationEmail());
        s.put("smtp_server", g.smtpServer() + " " + g.smtpPort());
        s.put("from", g.notificationEmailFrom() != null ? g.notificationEmailFrom() : "keepalived@" + hostName);
        s.put("connect_timeout", Double.toString(g.smtpConnectTimeout().toMillis() / 1000.0));
        s.put("router_id", node);
        s.put("helo_name", g.smtpHeloName() != null ? g.smtpHeloName() : node);
        return Optional.of(Section.of("email", s));
    }

    /** Whether any event of {@code config} can be mailed. */
    static boolean any(VigilConfig config) {
        GlobalDefs g = config.globalDefs();
        if (g.smtpAlert() || Boolean.TRUE.equals(g.smtpAlertVrrp()) || Boolean.TRUE.equals(g.smtpAlertChecker())) {
            return true;
        }
        return config.vrrpInstance().stream().anyMatch(i -> Boolean.TRUE.equals(i.notifyScripts().smtpAlert()))
                || config.vrrpSyncGroup().stream().anyMatch(s -> Boolean.TRUE.equals(s.notifyScripts().smtpAlert()))
                || config.virtualServer().stream().anyMatch(v -> Boolean.TRUE.equals(v.smtpAlert())
                        || v.realServer().stream().anyMatch(r -> Boolean.TRUE.equals(r.smtpAlert())));
    }

    /** The events keepalived would mail about under {@code config}. */
    static Predicate<Event> filter(VigilConfig config) {
        GlobalDefs g = config.globalDefs();
        boolean vrrpDefault = g.smtpAlertVrrp() != null ? g.smtpAlertVrrp() : g.smtpAlert();
        boolean checkerDefault = g.smtpAlertChecker() != null ? g.smtpAlertChecker() : g.smtpAlert();
        Map<String, Boolean> groups = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (VrrpSyncGroup s : config.vrrpSyncGroup()) {
            groups.put(s.name(), or(s.notifyScripts().smtpAlert(), vrrpDefault));
            s.group().forEach(member -> groupOf.put(member, s.name()));
        }
        Map<String, Boolean> instances = new HashMap<>();
        for (VrrpInstance i : config.vrrpInstance()) {
            String group = groupOf.get(i.name());
            boolean groupMails = group != null && groups.getOrDefault(group, false);
            instances.put(i.name(), !groupMails && or(i.notifyScripts().smtpAlert(), vrrpDefault));
        }
        CheckerLabels labels = CheckerLabels.of(config);
        return e -> {
            if (e instanceof VrrpEvent v) {
                return (v.group() ? groups : instances).getOrDefault(v.name(), false);
            }
            if (e instanceof RealServerEvent r) {
                return labels.realServer(r.virtualServer(), r.realServer())
                        .map(l -> or(l.server().smtpAlert(), or(l.virtualServer().smtpAlert(), checkerDefault)))
                        .orElse(checkerDefault);
            }
            VirtualServerEvent v = (VirtualServerEvent) e;
            return labels.virtualServer(v.virtualServer()).map(l -> or(l.server().smtpAlert(), checkerDefault))
                    .orElse(checkerDefault);
        };
    }

    private static boolean or(Boolean value, boolean dflt) {
        return value != null ? value : dflt;
    }
}
