package dev.vigil.vrrp.track;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code vrrp_track_process} looks for and when it counts as up.
 *
 * <p>Matching (exact, not a regular expression, like {@code pgrep "^name$"}): with a single word,
 * no {@code param_match} and no {@code full_command}, the word is compared with the process name
 * ({@code /proc/PID/comm}, which the kernel cuts to 15 characters, so the word is cut likewise).
 * Otherwise the command line ({@code /proc/PID/cmdline}) is used: its first word must equal the
 * first word configured, and the parameters must match by {@link ParamMatch}: all of them
 * ({@code EXACT}, the default when parameters are given), the configured ones first and maybe more
 * ({@code PARTIAL}), or like {@code PARTIAL} but the last configured one may be a prefix
 * ({@code INITIAL}). With {@code param_match} and no parameters, the process must have none.
 * With {@code full_command}, no parameters and no {@code param_match}, parameters are not compared.
 *
 * @param command        process name or path, then parameters
 * @param paramMatch     how parameters match, or {@code null}
 * @param fullCommand    match the command line rather than the process name
 * @param quorum         fewest matching processes that count as up
 * @param quorumMax      most matching processes that count as up
 * @param forkDelay      how long the quorum must hold before the status turns up
 * @param terminateDelay how long the quorum must be lost before the status turns down
 */
public record ProcessSpec(List<String> command, ParamMatch paramMatch, boolean fullCommand, int quorum,
                          int quorumMax, Duration forkDelay, Duration terminateDelay) {

    /** Comm is at most this long (TASK_COMM_LEN 16 with its NUL). */
    static final int COMM_LENGTH = 15;

    /** How the configured parameters match a command line. */
    public enum ParamMatch { EXACT, PARTIAL, INITIAL }

    public ProcessSpec {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        Objects.requireNonNull(forkDelay, "forkDelay");
        Objects.requireNonNull(terminateDelay, "terminateDelay");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty process");
        }
        if (quorum < 0 || quorumMax < quorum) {
            throw new IllegalArgumentException("need 0 <= quorum <= quorum_max: " + quorum + ".." + quorumMax);
        }
    }

    /** A spec for the process named {@code name}: at least one, no delays. */
    public static ProcessSpec named(String name) {
        return new ProcessSpec(List.of(name), null, false, 1, Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO);
    }

    /** Whether matching needs the command line (otherwise the process name suffices). */
    public boolean usesCommandLine() {
        return fullCommand || paramMatch != null || command.size() > 1;
    }

    /** Whether {@code count} matching processes count as up. */
    public boolean inQuorum(int count) {
        return count >= quorum && count <= quorumMax;
    }

    /** Whether a process with name {@code comm} matches (only when not {@link #usesCommandLine()}). */
    public boolean matchesName(String comm) {
        String want = command.get(0);
        return comm.equals(want.length() > COMM_LENGTH ? want.substring(0, COMM_LENGTH) : want);
    }

    /** Whether a process with command line {@code argv} matches (when {@link #usesCommandLine()}). */
    public boolean matchesCommandLine(List<String> argv) {
        if (argv.isEmpty() || !argv.get(0).equals(command.get(0))) {
            return false;
        }
        List<String> want = command.subList(1, command.size());
        List<String> have = argv.subList(1, argv.size());
        if (paramMatch == null && fullCommand && want.isEmpty()) {
            return true;
        }
        if (want.isEmpty() || paramMatch == null || paramMatch == ParamMatch.EXACT) {
            return have.equals(want);
        }
        int n = want.size();
        if (have.size() < n || !have.subList(0, n - 1).equals(want.subList(0, n - 1))) {
            return false;
        }
        return paramMatch == ParamMatch.PARTIAL ? have.get(n - 1).equals(want.get(n - 1))
                : have.get(n - 1).startsWith(want.get(n - 1));
    }
}
