package dev.vigil.lvs.engine;

import dev.vigil.lvs.check.CheckPlan;
import dev.vigil.plugin.check.HealthChecker;

/** Creates the checker for one plan (the daemon asks the plugin that handles its type). */
@FunctionalInterface
public interface CheckerFactory {
    /** @throws IllegalArgumentException when no plugin handles the plan's type */
    HealthChecker create(CheckPlan plan);
}
