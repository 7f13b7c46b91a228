package dev.vigil.daemon.lab;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The real servers' web server in {@code vigil lab}: answers every GET with its own name, so the
 * client sees which real server IPVS chose. Run as {@code java -cp ... LabHttpServer PORT NAME}.
 */
public final class LabHttpServer {
    private LabHttpServer() {
    }

    /** Serves on every address of this namespace, port {@code args[0]}, answering {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        byte[] body = (args[1] + "\n").getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("serving " + args[1] + " on port " + port);
    }
}
