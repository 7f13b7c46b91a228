package dev.vigil.daemon.service;

import dev.vigil.kernel.unix.UnixDatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the service manager how the daemon is doing, as sd_notify(3) does: one datagram per
 * message to the AF_UNIX socket named by {@code $NOTIFY_SOCKET} ({@code Type=notify} units).
 * {@code READY=1} once the subsystems have started, {@code RELOADING=1} (with
 * {@code MONOTONIC_USEC}) then {@code READY=1} around a reload, {@code STOPPING=1} at stop, and
 * {@code STATUS=} lines that {@code systemctl status} shows. Without {@code $NOTIFY_SOCKET} it
 * does nothing; a message that cannot be sent is logged and never stops the daemon.
 */
public final class ServiceNotify {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceNotify.class);

    /** Where messages go: one datagram each. */
    @FunctionalInterface
    public interface Transport {
        void send(String message);
    }

    /** Sends nothing. */
    public static final ServiceNotify NONE = new ServiceNotify(null);

    private final Transport transport;

    public ServiceNotify(Transport transport) {
        this.transport = transport;
    }

    /** The notifier for {@code $NOTIFY_SOCKET} in {@code env}, or {@link #NONE} when it is unset. */
    public static ServiceNotify fromEnvironment(Map<String, String> env) {
        String path = env.get("NOTIFY_SOCKET");
        if (path == null || path.isEmpty()) {
            return NONE;
        }
        return new ServiceNotify(message -> {
            try (UnixDatagramSocket s = UnixDatagramSocket.open()) {
                s.send(path, message.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** True when messages go somewhere. */
    public boolean enabled() {
        return transport != null;
    }

    /** The subsystems have started. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + line(status));
    }

    /** A reload begins. */
    public void reloading() {
        send("RELOADING=1\nSTATUS=reloading\nMONOTONIC_USEC=" + System.nanoTime() / 1000);
    }

    /** A reload ended (applied or refused): the daemon is ready again. */
    public void reloaded(String status) {
        send("READY=1\nSTATUS=" + line(status));
    }

    /** The daemon is stopping. */
    public void stopping() {
        send("STOPPING=1\nSTATUS=stopping");
    }

    /** A status line alone. */
    public void status(String status) {
        send("STATUS=" + line(status));
    }

    private static String line(String s) {
        return Objects.requireNonNullElse(s, "").replace('\n', ' ');
    }

    private void send(String message) {
        if (transport == null) {
            return;
        }
        try {
            transport.send(message);
        } catch (RuntimeException e) {
            LOG.warn("cannot notify the service manager: {}", e.getMessage());
        }
    }
}
