package dev.vigil.example.redis;

import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A plugin context as the host gives one, loopback targets, and one check run to its end. */
final class TestContext implements AutoCloseable {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService blocking = Executors.newSingleThreadExecutor();
    final PluginContext context;

    TestContext(Path workDir) {
        context = new PluginContext("node1", Clock.systemUTC(), scheduler, blocking, workDir);
    }

    static CheckTarget target(int port, Duration timeout) {
        return new CheckTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), Optional.empty(), 0,
                timeout, Clock.systemUTC().instant().plus(timeout), "127.0.0.1:" + port);
    }

    HealthChecker checker(Map<String, ?> settings) {
        return new RedisRoleFactory().create(Section.of("REDIS_ROLE", settings), context);
    }

    /** One check; fails the test when the result comes later than the deadline plus one second. */
    static CheckResult run(HealthChecker checker, CheckTarget target) throws Exception {
        return checker.check(target).toCompletableFuture()
                .get(target.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    CheckResult run(Map<String, ?> settings, int port) throws Exception {
        try (HealthChecker c = checker(settings)) {
            return run(c, target(port, Duration.ofSeconds(3)));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        blocking.shutdownNow();
    }
}
