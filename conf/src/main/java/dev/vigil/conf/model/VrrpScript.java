package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;
import java.util.Objects;

/** A script run every {@code interval}; instances tracking it go to FAULT or change priority by its result. */
public record VrrpScript(
        String name,
        @Required @Doc("Command line to run (words split as a shell would, without a shell).") String script,
        @Default("1") @Doc("Seconds between runs.") Duration interval,
        @Doc("Seconds after which a run counts as failed; interval when unset.") Duration timeout,
        @Default("0") @Range(min = -253, max = 253) @Doc(value = "Priority change; 0 means FAULT on failure.", keepalived = "weight N [reverse]") int weight,
        @Doc(value = "Reverse the direction of the priority change.", keepalived = "weight N reverse") boolean reverse,
        @Default("1") @Range(min = 1, max = 2147483647) @Doc("Successes needed to count as up.") int rise,
        @Default("1") @Range(min = 1, max = 2147483647) @Doc("Failures needed to count as down.") int fall,
        @Doc(value = "User (and group) to run as; script_user when unset.", keepalived = "user USER [GROUP]") String user,
        @Doc("Start in the failed state.") boolean initFail,
        SourcePosition position) {

    public VrrpScript {
        Objects.requireNonNull(name, "name");
    }
}
