package dev.vigil.plugin.check;

import dev.vigil.plugin.ConfigProblem;
import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Makes health checkers of one type ({@code TCP_CHECK}, {@code HTTP_GET}, or a plugin's own,
 * such as {@code REDIS_ROLE}). The host finds factories through PF4J, checks each configured
 * section with {@link #validate} before anything starts, then creates one checker per real
 * server and section.
 *
 * <p>The host owns the timing every checker shares (keepalived's {@code delay_loop},
 * {@code retry}, {@code delay_before_retry}, {@code warmup}, {@code connect_timeout} as the
 * deadline of each check) and the up/down transitions; a factory reads only its own keys.
 */
public interface HealthCheckerFactory extends ExtensionPoint {
    /** The section type this factory handles, as written in the configuration. */
    String type();

    /** Every problem in {@code section}; empty when it is valid. Must not do I/O. */
    List<ConfigProblem> validate(Section section);

    /** A checker for {@code section}, which {@link #validate} accepted. */
    HealthChecker create(Section section, PluginContext context);
}
