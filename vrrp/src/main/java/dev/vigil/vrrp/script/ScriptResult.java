package dev.vigil.vrrp.script;

import java.util.Objects;

/**
 * How one run of a script ended.
 *
 * @param kind     exited, killed at its timeout, or never started
 * @param exitCode the exit status when {@link Kind#EXITED} (128 + signal when killed by a signal), else -1
 * @param detail   a short human-readable account ({@code "exit 1"}, {@code "timed out after 200 ms"}, the
 *                 error that prevented the start)
 */
public record ScriptResult(Kind kind, int exitCode, String detail) {

    /** The three ways a run ends. */
    public enum Kind { EXITED, TIMED_OUT, FAILED_TO_START }

    public ScriptResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The process exited with status {@code code}. */
    public static ScriptResult exited(int code) {
        return new ScriptResult(Kind.EXITED, code, "exit " + code);
    }

    /** The process ran past its timeout and was killed. */
    public static ScriptResult timedOut(String detail) {
        return new ScriptResult(Kind.TIMED_OUT, -1, detail);
    }

    /** The process could not be started. */
    public static ScriptResult failedToStart(String detail) {
        return new ScriptResult(Kind.FAILED_TO_START, -1, detail);
    }

    /** The process exited with status 0. */
    public boolean success() {
        return kind == Kind.EXITED && exitCode == 0;
    }
}
