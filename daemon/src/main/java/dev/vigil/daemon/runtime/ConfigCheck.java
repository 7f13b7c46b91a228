package dev.vigil.daemon.runtime;

import dev.vigil.conf.model.VigilConfig;

import java.util.List;

/** A check of a valid model against this host, run before start and before each reload. */
@FunctionalInterface
public interface ConfigCheck {
    /** A check that finds nothing. */
    ConfigCheck NONE = config -> List.of();

    /** Every problem found, each a sentence naming where it was configured; empty when none. */
    List<String> problems(VigilConfig config);

    /** The problems of every one of {@code checks}, in order. */
    static ConfigCheck all(ConfigCheck... checks) {
        return config -> {
            List<String> out = new java.util.ArrayList<>();
            for (ConfigCheck c : checks) {
                out.addAll(c.problems(config));
            }
            return out;
        };
    }
}
