package dev.vigil.notifiers.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.notifiers.EventKinds;
import dev.vigil.notifiers.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotifierTest {
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private volatile int failStatus = 503;
    private HttpServer server;

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", x -> {
            bodies.add(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failFirst.getAndDecrement() > 0 ? failStatus : 204;
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private WebhookNotifier notifier(URI url, int retries) {
        WebhookSettings s = new WebhookSettings(url, Duration.ofSeconds(2), Duration.ofSeconds(2), retries,
                Duration.ofMillis(100), EventKinds.ALL);
        return new WebhookNotifier(s, waits::add);
    }

    @Test
    void postsEveryEventAsJson() throws Exception {
        WebhookNotifier n = notifier(start(), 0);
        n.deliver(Events.instance(1, "VI_1", "BACKUP", "MASTER", 150));
        n.deliver(Events.realServer(2, false, "connect \"refused\""));
        n.deliver(Events.virtualServer(3, true));
        n.deliver(Events.group(4, "G1", "FAULT"));
        assertThat(bodies).containsExactly(
                "POST application/json {\"type\":\"vrrp\",\"sequence\":1,\"time\":\"2026-12-02T10:15:30Z\",\"node\":\"lb1\","
                        + "\"kind\":\"INSTANCE\",\"instance\":\"VI_1\",\"old_state\":\"BACKUP\",\"new_state\":\"MASTER\","
                        + "\"priority\":150,\"reason\":\"master down timer\"}",
                "POST application/json {\"type\":\"real_server\",\"sequence\":2,\"time\":\"2026-12-02T10:15:30Z\","
                        + "\"node\":\"lb1\",\"virtual_server\":\"[10.0.0.1]:tcp:80\",\"real_server\":\"[192.168.1.2]:tcp:80\","
                        + "\"old_state\":\"UP\",\"new_state\":\"DOWN\",\"reason\":\"connect \\\"refused\\\"\"}",
                "POST application/json {\"type\":\"virtual_server\",\"sequence\":3,\"time\":\"2026-12-02T10:15:30Z\","
                        + "\"node\":\"lb1\",\"virtual_server\":\"[10.0.0.1]:tcp:80\",\"old_state\":\"DOWN\",\"new_state\":\"UP\"}",
                "POST application/json {\"type\":\"vrrp\",\"sequence\":4,\"time\":\"2026-12-02T10:15:30Z\",\"node\":\"lb1\","
                        + "\"kind\":\"GROUP\",\"group\":\"G1\",\"old_state\":\"BACKUP\",\"new_state\":\"FAULT\","
                        + "\"priority\":0,\"reason\":\"member\"}");
    }

    @Test
    void serverErrorsAreRetriedWithDoublingWaits() throws Exception {
        failFirst.set(2);
        notifier(start(), 3).deliver(Events.instance(1, "VI_1", "BACKUP", "MASTER", 150));
        assertThat(bodies).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesAreBoundedAndTheLastFailureReported() throws Exception {
        failFirst.set(100);
        assertThatThrownBy(() -> notifier(start(), 2).deliver(Events.virtualServer(9, false)))
                .isInstanceOf(IOException.class).hasMessageEndingWith("event 9 not delivered after 3 attempts, last: HTTP 503");
        assertThat(bodies).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        failFirst.set(100);
        failStatus = 400;
        assertThatThrownBy(() -> notifier(start(), 3).deliver(Events.virtualServer(1, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("answered HTTP 400");
        assertThat(bodies).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anUnreachableReceiverFailsAfterItsRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/hook");
        assertThatThrownBy(() -> notifier(url, 1).deliver(Events.virtualServer(1, false)))
                .isInstanceOf(IOException.class).hasMessageContaining("not delivered after 2 attempts");
        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook");
            WebhookSettings s = new WebhookSettings(url, Duration.ofSeconds(1), Duration.ofMillis(300), 0,
                    Duration.ofMillis(100), EventKinds.ALL);
            long start = System.nanoTime();
            assertThatThrownBy(() -> new WebhookNotifier(s, waits::add).deliver(Events.virtualServer(1, false)))
                    .isInstanceOf(IOException.class).hasMessageContaining("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void worstCaseAddsEveryAttemptAndWait() {
        WebhookSettings s = new WebhookSettings(URI.create("http://x/"), Duration.ofSeconds(2), Duration.ofSeconds(3), 3,
                Duration.ofMillis(500), EventKinds.ALL);
        assertThat(s.worstCase()).isEqualTo(Duration.ofMillis(4 * 5000 + 500 + 1000 + 2000));
    }
}
