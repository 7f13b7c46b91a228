package dev.vigil.vrrp.notify;

import dev.vigil.vrrp.script.CommandLine;
import dev.vigil.vrrp.script.ScriptRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs keepalived's notify scripts for a state change: the state's own script
 * ({@code notify_master}, {@code notify_backup}, {@code notify_fault}, {@code notify_stop},
 * {@code notify_master_rx_lower_pri}) as written, then {@code notify} with four arguments
 * appended: {@code GROUP|INSTANCE}, the name, the state and the priority ({@code notify} is not
 * run for {@code MASTER_RX_LOWER_PRI}, which is not a state). Scripts are handed to the
 * {@link ScriptRunner} and never waited for; failures are logged and counted.
 */
public final class ScriptNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptNotifier.class);
    private static final Set<String> STATES = Set.of(StateChange.MASTER, StateChange.BACKUP, StateChange.FAULT,
            StateChange.STOP, StateChange.DELETED);

    private final ScriptRunner runner;
    private final Duration timeout;
    private final java.util.function.Supplier<String> user;
    private final AtomicLong failures = new AtomicLong();

    /** @param user the user scripts run as ({@code script_user}), or {@code null} for the current user */
    public ScriptNotifier(ScriptRunner runner, Duration timeout, String user) {
        this(runner, timeout, (java.util.function.Supplier<String>) () -> user);
    }

    private ScriptNotifier(ScriptRunner runner, Duration timeout, java.util.function.Supplier<String> user) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.user = Objects.requireNonNull(user, "user");
    }

    /** @param user the user scripts run as, read at each run (a reload may change {@code script_user}) */
    public static ScriptNotifier withUser(ScriptRunner runner, Duration timeout, java.util.function.Supplier<String> user) {
        return new ScriptNotifier(runner, timeout, user);
    }

    /** Starts the scripts {@code cmds} configures for {@code c}; returns at once. */
    public void notify(StateChange c, NotifyCommands cmds) {
        notify(c, cmds, timeout);
    }

    /** Starts the scripts {@code cmds} configures for {@code c}, each allowed {@code limit}; returns at once. */
    public void notify(StateChange c, NotifyCommands cmds, Duration limit) {
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(cmds, "cmds");
        Objects.requireNonNull(limit, "limit");
        for (List<String> argv : commands(c, cmds)) {
            runner.run(argv, limit, user.get()).whenComplete((r, e) -> {
                if (e != null || !r.success()) {
                    failures.incrementAndGet();
                    LOG.warn("({}) notify script {} for {} failed: {}", c.name(), argv, c.state(),
                            e != null ? e.toString() : r.detail());
                }
            });
        }
    }

    /** The command lines to run for {@code c}, in order. */
    static List<List<String>> commands(StateChange c, NotifyCommands cmds) {
        List<List<String>> out = new ArrayList<>(2);
        String own = switch (c.state()) {
            case StateChange.MASTER -> cmds.master();
            case StateChange.BACKUP -> cmds.backup();
            case StateChange.FAULT -> cmds.fault();
            case StateChange.STOP -> cmds.stop();
            case StateChange.MASTER_RX_LOWER_PRI -> cmds.masterRxLowerPri();
            default -> null;
        };
        if (own != null) {
            out.add(CommandLine.split(own));
        }
        if (cmds.any() != null && STATES.contains(c.state())) {
            List<String> argv = new ArrayList<>(CommandLine.split(cmds.any()));
            argv.addAll(List.of(c.kind(), c.name(), c.state(), Integer.toString(c.priority())));
            out.add(List.copyOf(argv));
        }
        return out;
    }

    /** Notify scripts that failed, timed out or could not start. */
    public long failures() {
        return failures.get();
    }
}
