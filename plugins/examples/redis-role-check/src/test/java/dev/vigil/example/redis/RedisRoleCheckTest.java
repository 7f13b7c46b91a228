package dev.vigil.example.redis;

import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.CheckTarget;
import dev.vigil.plugin.check.HealthChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** REDIS_ROLE against a fake Redis server on loopback. */
class RedisRoleCheckTest {
    @TempDir
    Path dir;
    TestContext ctx;

    @BeforeEach
    void context() {
        ctx = new TestContext(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void upWhenTheRoleMatches() throws Exception {
        try (FakeRedis master = FakeRedis.start(FakeRedis.redis(FakeRedis.MASTER, null));
             FakeRedis slave = FakeRedis.start(FakeRedis.redis(FakeRedis.SLAVE, null))) {
            CheckResult m = ctx.run(Map.of("role", "master"), master.port());
            assertThat(m.healthy()).as(m.message()).isTrue();
            assertThat(m.message()).isEqualTo("role master, 2 replicas");
            CheckResult s = ctx.run(Map.of("role", "replica"), slave.port());
            assertThat(s.healthy()).as(s.message()).isTrue();
            assertThat(s.message()).isEqualTo("role slave of 127.0.0.1:9000, link connected");
            assertThat(master.commands).containsExactly(List.of("ROLE"));
        }
    }

    @Test
    void downWhenTheRoleDiffers() throws Exception {
        try (FakeRedis slave = FakeRedis.start(FakeRedis.redis(FakeRedis.SLAVE, null))) {
            CheckResult r = ctx.run(Map.of("role", "master"), slave.port());
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("role slave, expected master");
        }
    }

    @Test
    void authenticatesFirstWhenAPasswordIsSet() throws Exception {
        try (FakeRedis redis = FakeRedis.start(FakeRedis.redis(FakeRedis.MASTER, "s3cret"))) {
            CheckResult r = ctx.run(Map.of("role", "master", "password", "s3cret"), redis.port());
            assertThat(r.healthy()).as(r.message()).isTrue();
            assertThat(redis.commands).containsExactly(List.of("AUTH", "s3cret"), List.of("ROLE"));

            CheckResult wrong = ctx.run(Map.of("role", "master", "password", "guess"), redis.port());
            assertThat(wrong.healthy()).isFalse();
            assertThat(wrong.message())
                    .isEqualTo("AUTH refused: WRONGPASS invalid username-password pair or user is disabled.");

            CheckResult none = ctx.run(Map.of("role", "master"), redis.port());
            assertThat(none.healthy()).isFalse();
            assertThat(none.message()).isEqualTo("ROLE refused: NOAUTH Authentication required.");
        }
    }

    @Test
    void anErrorReplyIsAFailureNamingIt() throws Exception {
        try (FakeRedis redis = FakeRedis.start(() -> cmd -> "-ERR unknown command 'ROLE'\r\n")) {
            CheckResult r = ctx.run(Map.of("role", "master"), redis.port());
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("ROLE refused: ERR unknown command 'ROLE'");
        }
    }

    @Test
    void aSilentServerFailsAtTheDeadlineAndTheConnectionIsClosed() throws Exception {
        try (FakeRedis silent = FakeRedis.start(() -> cmd -> null); HealthChecker c = ctx.checker(Map.of("role", "master"))) {
            long start = System.nanoTime();
            CheckResult r = TestContext.run(c, TestContext.target(silent.port(), Duration.ofMillis(300)));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("no reply within 300 ms");
            assertThat(tookMs).isBetween(250L, 1200L);
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (silent.hungUpByClient.get() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(silent.hungUpByClient.get()).as("the checker closed its connection").isEqualTo(1);
        }
    }

    @Test
    void repliesArrivingOneByteAtATimeAreAssembled() throws Exception {
        try (FakeRedis redis = FakeRedis.trickling(FakeRedis.redis(FakeRedis.MASTER, "pw"))) {
            CheckResult r = ctx.run(Map.of("role", "master", "password", "pw"), redis.port());
            assertThat(r.healthy()).as(r.message()).isTrue();
        }
    }

    @Test
    void hangUpsRefusalsAndGarbageAreFailures() throws Exception {
        try (FakeRedis hangUp = FakeRedis.start(() -> cmd -> FakeRedis.CLOSE);
             FakeRedis garbage = FakeRedis.start(() -> cmd -> "hello\r\n")) {
            assertThat(ctx.run(Map.of("role", "master"), hangUp.port()).message())
                    .isEqualTo("connection closed before the ROLE reply");
            assertThat(ctx.run(Map.of("role", "master", "password", "x"), hangUp.port()).message())
                    .isEqualTo("connection closed before the AUTH reply");
            assertThat(ctx.run(Map.of("role", "master"), garbage.port()).message())
                    .isEqualTo("malformed reply: not a RESP reply: 'hello'");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CheckResult refused = ctx.run(Map.of("role", "master"), closed);
        assertThat(refused.healthy()).isFalse();
        assertThat(refused.message()).isEqualTo("connect refused");
    }

    @Test
    void aDeadlineAlreadyPastFailsWithoutConnecting() throws Exception {
        try (FakeRedis redis = FakeRedis.start(FakeRedis.redis(FakeRedis.MASTER, null));
             HealthChecker c = ctx.checker(Map.of("role", "master"))) {
            CheckTarget late = new CheckTarget(TestContext.target(redis.port(), Duration.ofSeconds(1)).address(),
                    Optional.empty(), 0, Duration.ofSeconds(1), Clock.systemUTC().instant().minusSeconds(1), "late");
            CheckResult r = TestContext.run(c, late);
            assertThat(r.message()).isEqualTo("the deadline passed before the check started");
            assertThat(redis.commands).isEmpty();
        }
    }

    @Test
    void manyChecksAtOnceAllComplete() throws Exception {
        try (FakeRedis redis = FakeRedis.start(FakeRedis.redis(FakeRedis.SLAVE, null));
             HealthChecker c = ctx.checker(Map.of("role", "slave"))) {
            List<CompletableFuture<CheckResult>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                all.add(c.check(TestContext.target(redis.port(), Duration.ofSeconds(10))).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(all).allSatisfy(f -> assertThat(f.join().healthy()).as(f.join().message()).isTrue());
        }
    }
}
