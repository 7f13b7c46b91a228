package dev.vigil.notifiers.webhook;

import dev.vigil.notifiers.KeepalivedText;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as one JSON object. Every event has {@code type} ({@code vrrp}, {@code real_server},
 * {@code virtual_server}), {@code sequence}, {@code time} (ISO-8601 UTC), {@code node},
 * {@code old_state}, {@code new_state}; VRRP adds {@code kind} ({@code INSTANCE}/{@code GROUP}),
 * {@code instance} (or {@code group}), {@code priority}, {@code reason}; a real server adds
 * {@code virtual_server}, {@code real_server}, {@code reason}; a virtual server adds
 * {@code virtual_server} (its state is its quorum's, {@code UP} or {@code DOWN}).
 */
public final class EventJson {
    private EventJson() {
    }

    public static String of(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof VrrpEvent v) {
            m.put("type", "vrrp");
            common(m, e);
            m.put("kind", KeepalivedText.kind(v));
            m.put(v.group() ? "group" : "instance", v.name());
            m.put("old_state", v.from());
            m.put("new_state", v.to());
            m.put("priority", v.priority());
            m.put("reason", v.reason());
        } else if (e instanceof RealServerEvent r) {
            m.put("type", "real_server");
            common(m, e);
            m.put("virtual_server", r.virtualServer());
            m.put("real_server", r.realServer());
            m.put("old_state", KeepalivedText.upDown(!r.up()));
            m.put("new_state", KeepalivedText.upDown(r.up()));
            m.put("reason", r.reason());
        } else {
            VirtualServerEvent v = (VirtualServerEvent) e;
            m.put("type", "virtual_server");
            common(m, e);
            m.put("virtual_server", v.virtualServer());
            m.put("old_state", KeepalivedText.upDown(!v.quorumUp()));
            m.put("new_state", KeepalivedText.upDown(v.quorumUp()));
        }
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, val) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            string(sb, k);
            sb.append(':');
            if (val instanceof Number n) {
                sb.append(n);
            } else {
                string(sb, String.valueOf(val));
            }
        });
        return sb.append('}').toString();
    }

    private static void common(Map<String, Object> m, Event e) {
        m.put("sequence", e.sequence());
        m.put("time", e.time().toString());
        m.put("node", e.node());
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
