package dev.vigil.notifiers;

import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.RealServerEvent;
import dev.vigil.plugin.notify.VirtualServerEvent;
import dev.vigil.plugin.notify.VrrpEvent;

import java.util.List;

/**
 * keepalived's words for events: the notify FIFO line ({@code INSTANCE "VI_1" MASTER 150},
 * {@code RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 UP}, {@code VS [10.0.0.1]:tcp:80 DOWN}) and the
 * arguments a notify script gets.
 */
public final class KeepalivedText {
    private KeepalivedText() {
    }

    /** The notify FIFO line for {@code e}, without its newline. */
    public static String fifoLine(Event e) {
        if (e instanceof VrrpEvent v) {
            return kind(v) + " \"" + v.name() + "\" " + v.to() + " " + v.priority();
        }
        if (e instanceof RealServerEvent r) {
            return "RS " + r.realServer() + " " + r.virtualServer() + " " + upDown(r.up());
        }
        VirtualServerEvent v = (VirtualServerEvent) e;
        return "VS " + v.virtualServer() + " " + upDown(v.quorumUp());
    }

    /**
     * The arguments appended to a notify command: keepalived's {@code notify} arguments for VRRP
     * ({@code INSTANCE VI_1 MASTER 150}); for checkers the words of the FIFO line without quotes
     * ({@code RS [192.168.1.2]:tcp:80 [10.0.0.1]:tcp:80 UP}, {@code VS [10.0.0.1]:tcp:80 UP}).
     */
    public static List<String> scriptArguments(Event e) {
        if (e instanceof VrrpEvent v) {
            return List.of(kind(v), v.name(), v.to(), Integer.toString(v.priority()));
        }
        if (e instanceof RealServerEvent r) {
            return List.of("RS", r.realServer(), r.virtualServer(), upDown(r.up()));
        }
        VirtualServerEvent v = (VirtualServerEvent) e;
        return List.of("VS", v.virtualServer(), upDown(v.quorumUp()));
    }

    /** {@code GROUP} or {@code INSTANCE}. */
    public static String kind(VrrpEvent v) {
        return v.group() ? "GROUP" : "INSTANCE";
    }

    public static String upDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
