package dev.vigil.example.redis;

import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks one real server: each {@link #check} opens a connection, sends {@code AUTH} (when a
 * password is set) and {@code ROLE} in one write, and judges the replies. Nothing blocks: the
 * socket is asynchronous and the deadline is a timer on the host's scheduler.
 */
public final class RedisRoleChecker implements HealthChecker {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRoleChecker.class);

    private final RedisRoleSettings settings;
    private final PluginContext context;
    private final AtomicBoolean fwmarkWarned = new AtomicBoolean();

    public RedisRoleChecker(RedisRoleSettings settings, PluginContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        Objects.requireNonNull(target, "target");
        if (target.fwmark() != 0 && fwmarkWarned.compareAndSet(false, true)) {
            LOG.warn("REDIS_ROLE {}: fwmark {} is not applied (the JDK's sockets cannot set SO_MARK)",
                    target.realServer(), target.fwmark());
        }
        return new RoleProbe(settings, target, context.clock(), IoGroup.shared(), context.scheduler()).start();
    }
}
