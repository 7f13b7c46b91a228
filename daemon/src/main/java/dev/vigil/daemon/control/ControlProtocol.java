package dev.vigil.daemon.control;

import dev.vigil.daemon.runtime.ReloadOutcome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request/reply mapping of the control socket, without I/O. Requests are JSON objects with a
 * {@code cmd}: {@code status}, {@code reload} or {@code stop}. Every reply has {@code ok}; a status
 * reply carries {@code status}, a reload reply {@code messages}, a failure {@code error}.
 */
public final class ControlProtocol {
    private final ControlTarget target;

    public ControlProtocol(ControlTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The result of one request: the reply line and whether the connection should then stop the daemon. */
    public record Exchange(String reply, boolean stopAfterReply) {
    }

    /** Answers one request line. */
    public Exchange handle(String requestLine) {
        Map<String, Object> request;
        try {
            request = Json.object(requestLine);
        } catch (IllegalArgumentException e) {
            return new Exchange(error("bad request: " + e.getMessage()), false);
        }
        Object cmd = request.get("cmd");
        if (!(cmd instanceof String name)) {
            return new Exchange(error("bad request: a \"cmd\" string is required"), false);
        }
        return switch (name) {
            case "status" -> new Exchange(reply(true, "status", target.status()), false);
            case "reload" -> new Exchange(reloadReply(target.reload()), false);
            case "stop" -> new Exchange(reply(true, "message", "stopping"), true);
            default -> new Exchange(error("unknown command '" + name + "'; expected status, reload or stop"), false);
        };
    }

    private static String reloadReply(ReloadOutcome outcome) {
        return reply(outcome.ok(), "messages", outcome.messages());
    }

    private static String reply(boolean ok, String key, Object value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ok", ok);
        r.put(key, value);
        return Json.line(r);
    }

    private static String error(String message) {
        return reply(false, "error", message);
    }
}
