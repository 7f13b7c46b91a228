package dev.vigil.example.redis;

import dev.vigil.plugin.check.CheckResult;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Judges the replies to one attempt: the {@code AUTH} reply (when a password is set) must be
 * {@code +OK}, and the {@code ROLE} reply's first element must be the configured role. Pure: no
 * I/O, so every case is tested without a server.
 */
public final class RoleVerdict {
    private RoleVerdict() {
    }

    /** The result of an {@code AUTH} reply: empty when it succeeded, else the failure. */
    public static Optional<CheckResult> auth(RespReply reply, Duration elapsed) {
        if (reply instanceof RespReply.Simple s && s.text().equals("OK")) {
            return Optional.empty();
        }
        String why = reply instanceof RespReply.Error e ? e.text() : "unexpected reply " + reply;
        return Optional.of(CheckResult.down("AUTH refused: " + why, elapsed));
    }

    /** The result of a {@code ROLE} reply, for a server expected to be {@code expected}. */
    public static CheckResult role(Role expected, RespReply reply, Duration elapsed) {
        if (reply instanceof RespReply.Error e) {
            return CheckResult.down("ROLE refused: " + e.text(), elapsed);
        }
        if (!(reply instanceof RespReply.Array a) || a.items().isEmpty() || RespReply.text(a.items().get(0)) == null) {
            return CheckResult.down("unexpected reply to ROLE: " + reply, elapsed);
        }
        String actual = RespReply.text(a.items().get(0));
        if (!actual.equals(expected.word())) {
            return CheckResult.down("role " + actual + ", expected " + expected.word(), elapsed);
        }
        return CheckResult.up(describe(actual, a.items()), elapsed);
    }

    /** {@code role master, 2 replicas} or {@code role slave of 10.0.0.1:6379, link connected}. */
    private static String describe(String role, List<RespReply> items) {
        if (role.equals("master") && items.size() >= 3 && items.get(2) instanceof RespReply.Array replicas) {
            return "role master, " + replicas.items().size() + (replicas.items().size() == 1 ? " replica" : " replicas");
        }
        if (role.equals("slave") && items.size() >= 4) {
            String port = items.get(2) instanceof RespReply.Int p ? Long.toString(p.value()) : "?";
            return "role slave of " + RespReply.text(items.get(1)) + ":" + port + ", link " + RespReply.text(items.get(3));
        }
        return "role " + role;
    }
}
