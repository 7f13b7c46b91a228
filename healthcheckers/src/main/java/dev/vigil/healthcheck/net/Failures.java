package dev.vigil.healthcheck.net;

import io.netty.channel.ConnectTimeoutException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.util.Locale;

/** Turns I/O exceptions into the short reasons a check result carries. */
public final class Failures {
    private Failures() {
    }

    /** {@code connect refused}, {@code connect timeout}, {@code ICMP port unreachable}, or the message. */
    public static String describe(Throwable cause) {
        Throwable c = cause;
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (c instanceof PortUnreachableException) {
            return "ICMP port unreachable";
        }
        if (c instanceof ConnectTimeoutException) {
            return "connect timeout";
        }
        if (c instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return "no route to host";
        }
        if (c instanceof ConnectException || lower.contains("connection refused")) {
            return "connect refused";
        }
        return m;
    }
}
