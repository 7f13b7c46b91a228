package dev.vigil.healthcheck.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.healthcheck.Checks;
import dev.vigil.healthcheck.Servers;
import dev.vigil.plugin.Section;
import dev.vigil.plugin.check.CheckResult;
import dev.vigil.plugin.check.HealthChecker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCheckTest {
    static final String BODY = "<html><body>status: all good</body></html>\n";

    @TempDir
    Path dir;
    Checks checks;
    HttpServer server;
    final Map<String, String> hostHeaders = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        checks = new Checks(dir);
        server = HttpServer.create(Checks.loopback(0), 50);
        server.createContext("/ok", ex -> reply(ex, 200, BODY));
        server.createContext("/missing", ex -> reply(ex, 404, "nope"));
        server.createContext("/busy", ex -> reply(ex, 503, "busy"));
        server.start();
    }

    private void reply(HttpExchange ex, int status, String body) throws IOException {
        hostHeaders.put(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Host"));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
        checks.close();
    }

    private CheckResult check(Map<String, ?> settings) throws Exception {
        return checks.run(new HttpGetFactory(), settings, server.getAddress().getPort());
    }

    static Section url(Map<String, ?> keys) {
        return Section.of("url", keys);
    }

    @Test
    void defaultStatusCodesAre2xx() throws Exception {
        assertThat(check(Map.of("url", url(Map.of("path", "/ok")))).healthy()).isTrue();
        CheckResult busy = check(Map.of("url", url(Map.of("path", "/busy"))));
        assertThat(busy.healthy()).isFalse();
        assertThat(busy.message()).isEqualTo("/busy: HTTP status 503, expected 200-299");
    }

    @Test
    void statusCodeListsAndRanges() throws Exception {
        assertThat(check(Map.of("url", url(Map.of("path", "/missing", "status_code", "200 404")))).healthy()).isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/busy", "status_code", "500-599")))).healthy()).isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "status_code", "300-399")))).healthy()).isFalse();
    }

    @Test
    void digestIsTheMd5OfTheBody() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BODY.getBytes(StandardCharsets.UTF_8)));
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "digest", md5.toUpperCase())))).healthy()).isTrue();
        CheckResult wrong = check(Map.of("url", url(Map.of("path", "/ok", "digest", "0".repeat(32)))));
        assertThat(wrong.healthy()).isFalse();
        assertThat(wrong.message()).contains("MD5 digest " + md5);
    }

    @Test
    void regexAndRegexNoMatch() throws Exception {
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "status: (all )?good")))).healthy()).isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "ERROR")))).healthy()).isFalse();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "ERROR", "regex_no_match", "true"))))
                .healthy()).isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "STATUS", "regex_options", "caseless"))))
                .healthy()).isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "html", "regex_min_offset", "10"))))
                .healthy()).as("first match after offset 10 is '</html>'").isTrue();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok", "regex", "good", "regex_max_offset", "5"))))
                .healthy()).isFalse();
    }

    @Test
    void everyUrlMustPass() throws Exception {
        assertThat(check(Map.of("url", List.of(url(Map.of("path", "/ok")), url(Map.of("path", "/missing",
                "status_code", "404"))))).healthy()).isTrue();
        CheckResult r = check(Map.of("url", List.of(url(Map.of("path", "/ok")), url(Map.of("path", "/busy")))));
        assertThat(r.healthy()).isFalse();
        assertThat(r.message()).startsWith("/busy");
    }

    @Test
    void virtualhostAndProtocol() throws Exception {
        int port = server.getAddress().getPort();
        assertThat(check(Map.of("url", url(Map.of("path", "/ok")), "http_protocol", "1.1")).healthy()).isTrue();
        assertThat(hostHeaders.get("/ok")).isEqualTo("127.0.0.1:" + port);
        assertThat(check(Map.of("url", url(Map.of("path", "/ok")), "virtualhost", "www.example.test",
                "http_protocol", "1.0C")).healthy()).isTrue();
        assertThat(hostHeaders.get("/ok")).isEqualTo("www.example.test:" + port);
        assertThat(check(Map.of("url", url(Map.of("path", "/missing", "status_code", "404",
                "virtualhost", "url.example.test")), "virtualhost", "www.example.test")).healthy()).isTrue();
        assertThat(hostHeaders.get("/missing")).isEqualTo("url.example.test:" + port);
    }

    @Test
    void refusedAndSilentServers() throws Exception {
        CheckResult refused = checks.run(new HttpGetFactory(), Map.of("url", url(Map.of("path", "/"))),
                Servers.closedPort());
        assertThat(refused.healthy()).isFalse();
        assertThat(refused.message()).isEqualTo("connect refused");
        try (Servers.Silent silent = new Servers.Silent();
             HealthChecker c = checks.checker(new HttpGetFactory(), Map.of("url", url(Map.of("path", "/"))))) {
            long start = System.nanoTime();
            CheckResult r = checks.run(c, silent.port(), Duration.ofMillis(700));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.healthy()).isFalse();
            assertThat(r.message()).isEqualTo("no answer within 700 ms");
            assertThat(ms).isBetween(600L, 1500L);
        }
    }
}
