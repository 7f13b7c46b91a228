package dev.vigil.daemon.service;

import dev.vigil.daemon.http.HttpEndpoint;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GET /status and /metrics on loopback, and the ADDR:PORT parser. */
class HttpEndpointTest {
    private static HttpResponse<String> get(HttpClient c, InetSocketAddress a, String method, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return c.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesStatusJsonAndMetricsText() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (HttpEndpoint http = HttpEndpoint.start(any, () -> Map.of("daemon", Map.of("state", "running")),
                () -> "vigil_up 1\n")) {
            HttpClient c = HttpClient.newHttpClient();
            HttpResponse<String> status = get(c, http.address(), "GET", "/status");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).isEqualTo("{\"daemon\":{\"state\":\"running\"}}\n");
            assertThat(status.headers().firstValue("Content-Type")).hasValue("application/json");
            HttpResponse<String> metrics = get(c, http.address(), "GET", "/metrics");
            assertThat(metrics.body()).isEqualTo("vigil_up 1\n");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(get(c, http.address(), "POST", "/status").statusCode()).isEqualTo(405);
            assertThat(get(c, http.address(), "GET", "/statusx").statusCode()).isEqualTo(404);
            assertThat(get(c, http.address(), "GET", "/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void parsesAddrPort() {
        assertThat(HttpAddress.parse("127.0.0.1:9100")).isEqualTo(new InetSocketAddress("127.0.0.1", 9100));
        assertThat(HttpAddress.parse("[::1]:9100").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> HttpAddress.parse("::1:9100")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> HttpAddress.parse("127.0.0.1:70000")).hasMessage("port 70000 is out of range 0..65535");
        assertThatThrownBy(() -> HttpAddress.parse("127.0.0.1:http")).hasMessage("port 'http' is not a number");
    }
}
