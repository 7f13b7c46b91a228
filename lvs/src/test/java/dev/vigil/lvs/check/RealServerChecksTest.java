package dev.vigil.lvs.check;

import dev.vigil.plugin.Section;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RealServerChecksTest {
    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(5), Duration.ofSeconds(1), 0,
            Duration.ofSeconds(1), Duration.ZERO);

    private final VirtualTimers timers = new VirtualTimers();
    private final FakeChecker tcp = new FakeChecker(timers::seconds);
    private final FakeChecker http = new FakeChecker(timers::seconds);
    private final List<String> events = new ArrayList<>();

    private RealServerChecks checks(boolean initiallyUp) {
        List<FakeChecker> fakes = List.of(tcp, http);
        List<CheckPlan> plans = List.of(plan("TCP_CHECK"), plan("HTTP_GET"));
        return new RealServerChecks(plans, initiallyUp,
                (p, up, l) -> new CheckRunner(p, fakes.get(plans.indexOf(p)), up, timers, Clock.systemUTC(), b -> 0, l),
                (up, weight, reason) -> events.add(timers.seconds() + " " + (up ? "up" : "down") + " " + reason));
    }

    private static CheckPlan plan(String type) {
        return new CheckPlan(Section.of(type, Map.of()), TIMING, new InetSocketAddress("192.0.2.2", 80),
                Optional.empty(), 0, "192.0.2.2:80");
    }

    @Test
    void theServerIsUpOnlyWhileEveryCheckPasses() {
        RealServerChecks rs = checks(false);
        http.mode(FakeChecker.Mode.DOWN);
        rs.start();
        timers.advance(Duration.ofSeconds(1));
        assertThat(rs.up()).isFalse();
        assertThat(events).isEmpty();
        http.mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(5));
        assertThat(events).containsExactly("5.0 up HTTP_GET: ok");
        tcp.mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(5));
        assertThat(events).containsExactly("5.0 up HTTP_GET: ok", "10.0 down TCP_CHECK: connection refused");
        http.mode(FakeChecker.Mode.DOWN);
        timers.advance(Duration.ofSeconds(5));
        tcp.mode(FakeChecker.Mode.UP);
        timers.advance(Duration.ofSeconds(5));
        assertThat(rs.runners().get(0).up()).isTrue();
        assertThat(rs.up()).isFalse();
        assertThat(events).hasSize(2);
    }

    @Test
    void aServerWithoutChecksIsAlwaysUp() {
        RealServerChecks rs = new RealServerChecks(List.of(), false, (p, up, l) -> {
            throw new AssertionError("no plans");
        }, (up, w, r) -> events.add("changed"));
        rs.start();
        timers.advance(Duration.ofSeconds(60));
        assertThat(rs.up()).isTrue();
        assertThat(events).isEmpty();
    }
}
