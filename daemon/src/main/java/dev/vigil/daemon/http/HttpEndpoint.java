package dev.vigil.daemon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.daemon.control.Json;
import dev.vigil.daemon.runtime.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code GET /status} with the control socket's status JSON and {@code GET /metrics} in Prometheus text format 0.0.4. */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code address}.
     *
     * @throws StartupException when the address cannot be bound
     */
    public static HttpEndpoint start(InetSocketAddress address, Supplier<Map<String, Object>> status,
                                     Supplier<String> metrics) {
        Objects.requireNonNull(address, "address");
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new StartupException(List.of("cannot listen on " + address + " for --http: " + e.getMessage()), e);
        }
        server.createContext("/status", x -> respond(x, "application/json", () -> Json.line(status.get()) + "\n"));
        server.createContext("/metrics", x -> respond(x, METRICS_TYPE, metrics));
        server.createContext("/", x -> send(x, 404, "text/plain", "not found; try /status or /metrics\n"));
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigil-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("http endpoint on {}", server.getAddress());
        return new HttpEndpoint(server, executor);
    }

    /** The bound address (its port when port 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void respond(HttpExchange x, String type, Supplier<String> body) throws IOException {
        String path = x.getRequestURI().getPath();
        if (!path.equals(x.getHttpContext().getPath())) {
            send(x, 404, "text/plain", "not found\n");
        } else if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
            x.getResponseHeaders().set("Allow", "GET, HEAD");
            send(x, 405, "text/plain", "method not allowed\n");
        } else {
            send(x, 200, type, body.get());
        }
    }

    private static void send(HttpExchange x, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(x.getRequestMethod());
        x.sendResponseHeaders(code, head ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
