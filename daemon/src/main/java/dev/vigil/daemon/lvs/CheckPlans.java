package dev.vigil.daemon.lvs;

import dev.vigil.conf.model.CheckSettings;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.conf.tree.ScalarNode;
import dev.vigil.daemon.plugin.CheckKeys;
import dev.vigil.daemon.plugin.PluginSections;
import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.lvs.check.CheckTiming;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A checker section to a {@link CheckPlan}: each shared timer comes from the checker, else the
 * real server, else the virtual server, else keepalived's default (delay_before_retry 3 s for
 * HTTP_GET and SSL_GET, delay_loop for DNS_CHECK, 1 s otherwise; warmup = delay_loop); the
 * connection goes to connect_ip / connect_port or the real server.
 */
final class CheckPlans {
    private CheckPlans() {
    }

    static CheckPlan of(Section checker, RealServer rs, VirtualServer vs, Destination dest) {
        return of(checker, rs, vs, dest, null);
    }

    /** @param scriptUser keepalived's {@code script_user}: a MISC_CHECK without its own {@code user} runs as it */
    static CheckPlan of(Section checker, RealServer rs, VirtualServer vs, Destination dest, String scriptUser) {
        CheckSettings r = rs.check();
        CheckSettings v = vs.check();
        Duration delayLoop = first(seconds(checker, "delay_loop"), r.delayLoop(), v.delayLoop(), CheckTiming.DEFAULTS.delayLoop());
        Duration connectTimeout = first(seconds(checker, "connect_timeout"), r.connectTimeout(), v.connectTimeout(),
                CheckTiming.DEFAULTS.connectTimeout());
        Integer retryKey = integer(checker, "retry").map(Long::intValue).orElse(null);
        int retry = first(retryKey, r.retry(), v.retry(), CheckTiming.DEFAULTS.retry());
        Duration retryDefault = switch (checker.type()) {
            case "HTTP_GET", "SSL_GET" -> Duration.ofSeconds(3);
            case "DNS_CHECK" -> delayLoop;
            default -> Duration.ofSeconds(1);
        };
        Duration beforeRetry = first(seconds(checker, "delay_before_retry"), r.delayBeforeRetry(), v.delayBeforeRetry(),
                retryDefault);
        Duration warmup = first(secondsOrZero(checker, "warmup"), r.warmup(), v.warmup(), delayLoop);
        CheckTiming timing = new CheckTiming(delayLoop, connectTimeout, retry, beforeRetry, warmup);
        InetAddress ip = text(checker, "connect_ip").map(IpAddresses::parse).orElse(dest.address());
        int port = integer(checker, "connect_port").map(Long::intValue).orElse(dest.port());
        Optional<InetSocketAddress> bind = text(checker, "bindto").map(a -> new InetSocketAddress(IpAddresses.parse(a),
                integer(checker, "bind_port").map(Long::intValue).orElse(0)));
        int fwmark = integer(checker, "fwmark").map(Long::intValue).orElse(0);
        dev.vigil.plugin.Section section = PluginSections.of(checker, CheckKeys.SHARED);
        if (checker.type().equals("MISC_CHECK") && scriptUser != null && section.setting("user").isEmpty()) {
            java.util.Map<String, dev.vigil.plugin.Section.Setting> settings = new java.util.LinkedHashMap<>(section.settings());
            settings.put("user", new dev.vigil.plugin.Section.Setting("user", scriptUser, section.location()));
            section = new dev.vigil.plugin.Section(section.type(), section.location(), settings);
        }
        return new CheckPlan(section, timing, new InetSocketAddress(ip, port), bind, fwmark, dest.describe());
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T t : values) {
            if (t != null) {
                return t;
            }
        }
        throw new IllegalStateException("no default");
    }

    private static Optional<String> text(Section s, String key) {
        return s.params().get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).value().trim());
    }

    private static Optional<Long> integer(Section s, String key) {
        return text(s, key).map(Long::parseLong);
    }

    private static Duration seconds(Section s, String key) {
        return text(s, key).map(t -> Duration.ofNanos(Math.round(Double.parseDouble(t) * 1e9))).orElse(null);
    }

    /** Like {@link #seconds}, where 0 is allowed (warmup 0 disables it). */
    private static Duration secondsOrZero(Section s, String key) {
        return seconds(s, key);
    }
}
