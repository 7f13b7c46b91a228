package dev.vigil.conf.model;

import dev.vigil.conf.SourcePosition;

import java.time.Duration;
import java.util.Objects;

/** A process whose presence (between quorum and quorum_max instances) instances track. */
public record TrackProcess(
        String name,
        @Required @Doc(value = "Process name (or path) to look for.", keepalived = "process NAME [ARGS...]") String process,
        @Doc("Match the parameters: initial, partial or exact.") String paramMatch,
        @Default("0") @Range(min = -254, max = 254) @Doc(value = "Priority change; 0 means FAULT when absent.", keepalived = "weight N [reverse]") int weight,
        @Doc("Reverse the direction of the priority change.") boolean reverse,
        @Default("1") @Range(min = 0, max = 65535) @Doc("Fewest processes that count as up.") int quorum,
        @Range(min = 0, max = 65535) @Doc("Most processes that count as up.") Integer quorumMax,
        @Doc("Seconds to wait after a fork before counting.") Duration forkDelay,
        @Doc("Seconds to wait after a termination before counting.") Duration terminateDelay,
        @Doc("Both fork_delay and terminate_delay.") Duration delay,
        @Doc("Match the whole command line instead of the process name.") boolean fullCommand,
        SourcePosition position) {

    public TrackProcess {
        Objects.requireNonNull(name, "name");
    }
}
