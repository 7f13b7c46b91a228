package dev.vigil.healthcheck;

import dev.vigil.plugin.PluginContext;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import dev.vigil.plugin.check.HealthCheckerFactory;

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

/** Test helpers: a plugin context with small pools, loopback targets, and running one check. */
public final class Checks implements AutoCloseable {
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    public final ExecutorService blocking = Executors.newFixedThreadPool(4);
    public final PluginContext context;

    public Checks(Path workDir) {
        context = new PluginContext("node1", Clock.systemUTC(), scheduler, blocking, workDir);
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** A target at 127.0.0.1:{@code port} whose deadline is {@code timeout} from now. */
    public static CheckTarget target(int port, Duration timeout) {
        return new CheckTarget(loopback(port), Optional.empty(), 0, timeout,
                Clock.systemUTC().instant().plus(timeout), "127.0.0.1:" + port);
    }

    public HealthChecker checker(HealthCheckerFactory factory, Map<String, ?> settings) {
        Section s = Section.of(factory.type(), settings);
        if (!factory.validate(s).isEmpty()) {
            throw new AssertionError("invalid test section: " + factory.validate(s));
        }
        return factory.create(s, context);
    }

    /** One check against 127.0.0.1:{@code port}; fails the test when the result is later than the deadline + 1 s. */
    public CheckResult run(HealthChecker checker, int port, Duration timeout) throws Exception {
        return checker.check(target(port, timeout)).toCompletableFuture()
                .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    public CheckResult run(HealthCheckerFactory factory, Map<String, ?> settings, int port) throws Exception {
        try (HealthChecker c = checker(factory, settings)) {
            return run(c, port, Duration.ofSeconds(3));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        blocking.shutdownNow();
    }
}
