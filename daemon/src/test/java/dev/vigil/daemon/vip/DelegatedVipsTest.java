package dev.vigil.daemon.vip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.Scope;
import dev.vigil.plugin.vip.VipBackend;
import dev.vigil.plugin.vip.VirtualAddress;
import dev.vigil.vrrp.instance.Vip;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asynchronous port over a fake backend: order, retries, superseded retries, the record, draining. */
class DelegatedVipsTest {
    @TempDir
    Path dir;

    /** Records calls; fails the first {@code failures} calls of each address. */
    static final class FakeBackend implements VipBackend {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile int failures;
        volatile CountDownLatch gate;
        volatile boolean closed;

        @Override
        public void add(VirtualAddress a) throws Exception {
            call("add " + a);
        }

        @Override
        public void remove(VirtualAddress a) throws Exception {
            call("remove " + a);
        }

        private void call(String what) throws Exception {
            CountDownLatch g = gate;
            if (g != null) {
                g.await(10, TimeUnit.SECONDS);
            }
            calls.add(what);
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("backend down");
            }
        }

        @Override
        public Set<VirtualAddress> held(String owner) {
            return Set.of();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    private final DelegatedVips.Sleeper sleeper = pauses::add;

    @Test
    void callsReturnAtOnceAndRunInOrder() {
        FakeBackend backend = new FakeBackend();
        backend.gate = new CountDownLatch(1);
        VipRecordFile record = VipRecordFile.open(dir.resolve("r.json"));
        DelegatedVips port = new DelegatedVips("VI_1", "exec", backend, RetryPolicy.DEFAULT, record, sleeper);
        long t0 = System.nanoTime();
        port.add("VI_1", List.of(vip("10.0.0.10"), vip("10.0.0.11")));
        port.remove("VI_1", List.of(vip("10.0.0.10")));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time on the caller's thread").isLessThan(Duration.ofSeconds(1));
        assertThat(backend.calls).isEmpty();
        backend.gate.countDown();
        assertThat(port.drainAndClose(Duration.ofSeconds(10))).isTrue();
        assertThat(backend.calls).containsExactly("add 10.0.0.10/24 dev eth0", "add 10.0.0.11/24 dev eth0",
                "remove 10.0.0.10/24 dev eth0");
        assertThat(backend.closed).isTrue();
        assertThat(record.entries()).extracting(e -> e.address().address().getHostAddress()).containsExactly("10.0.0.11");
        assertThat(port.status()).containsEntry("done", 3L).containsEntry("failures", 0L);
    }

    @Test
    void aFailedCallIsRetriedWithGrowingPausesThenGivenUp() {
        FakeBackend backend = new FakeBackend();
        backend.failures = 10;
        DelegatedVips port = new DelegatedVips("VI_1", "exec", backend, new RetryPolicy(3, Duration.ofMillis(100)),
                VipRecordFile.inMemory(), sleeper);
        port.add("VI_1", List.of(vip("10.0.0.10")));
        port.drainAndClose(Duration.ofSeconds(10));
        assertThat(backend.calls).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(port.status()).containsEntry("failures", 4L).containsEntry("retries", 3L)
                .containsEntry("given_up", 1L);
        assertThat((String) port.status().get("last_error")).contains("backend down");
    }

    @Test
    void aRetrySucceeds() {
        FakeBackend backend = new FakeBackend();
        backend.failures = 1;
        DelegatedVips port = new DelegatedVips("VI_1", "exec", backend, RetryPolicy.DEFAULT, VipRecordFile.inMemory(),
                sleeper);
        port.add("VI_1", List.of(vip("10.0.0.10")));
        port.drainAndClose(Duration.ofSeconds(10));
        assertThat(backend.calls).containsExactly("add 10.0.0.10/24 dev eth0", "add 10.0.0.10/24 dev eth0");
        assertThat(port.status()).containsEntry("done", 1L).containsEntry("given_up", 0L);
    }

    @Test
    void anAddSupersededByARemoveIsNotRetried() throws Exception {
        FakeBackend backend = new FakeBackend();
        backend.failures = 1;
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        DelegatedVips port = new DelegatedVips("VI_1", "exec", backend, RetryPolicy.DEFAULT, VipRecordFile.inMemory(),
                d -> {
                    sleeping.countDown();
                    proceed.await(10, TimeUnit.SECONDS);
                });
        port.add("VI_1", List.of(vip("10.0.0.10")));
        assertThat(sleeping.await(10, TimeUnit.SECONDS)).isTrue();
        port.remove("VI_1", List.of(vip("10.0.0.10")));
        proceed.countDown();
        port.drainAndClose(Duration.ofSeconds(10));
        assertThat(backend.calls).containsExactly("add 10.0.0.10/24 dev eth0", "remove 10.0.0.10/24 dev eth0");
        assertThat(port.status()).containsEntry("given_up", 1L).containsEntry("done", 1L);
    }

    @Test
    void drainingGivesUpAfterItsLimit() {
        FakeBackend backend = new FakeBackend();
        backend.gate = new CountDownLatch(1);
        DelegatedVips port = new DelegatedVips("VI_1", "exec", backend, RetryPolicy.DEFAULT, VipRecordFile.inMemory(),
                sleeper);
        port.add("VI_1", List.of(vip("10.0.0.10")));
        assertThat(port.drainAndClose(Duration.ofMillis(200))).isFalse();
        assertThat(backend.closed).isTrue();
    }

    static Vip vip(String address) {
        try {
            return new Vip(new IfAddress(2, InetAddress.getByName(address), 24, null, Scope.UNIVERSE, null, Set.of()),
                    "eth0", true);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
