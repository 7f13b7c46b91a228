package dev.vigil.example.redis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A tiny stand-in for a Redis server on 127.0.0.1: reads RESP commands and answers each with what
 * the connection's script returns (RESP text; null says nothing; {@link #CLOSE} hangs up). One
 * thread per connection; every command it received is recorded.
 */
final class FakeRedis implements AutoCloseable {
    static final String CLOSE = "<close>";
    static final String MASTER = "*3\r\n$6\r\nmaster\r\n:3129659\r\n*2\r\n"
            + "*3\r\n$9\r\n127.0.0.1\r\n$4\r\n9001\r\n$7\r\n3129242\r\n"
            + "*3\r\n$9\r\n127.0.0.1\r\n$4\r\n9002\r\n$7\r\n3129543\r\n";
    static final String SLAVE = "*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:9000\r\n$9\r\nconnected\r\n:3167038\r\n";

    private final ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    private final Supplier<Function<List<String>, String>> scripts;
    private final boolean trickle;
    final List<List<String>> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger hungUpByClient = new AtomicInteger();

    private FakeRedis(Supplier<Function<List<String>, String>> scripts, boolean trickle) throws IOException {
        this.scripts = scripts;
        this.trickle = trickle;
        Thread t = new Thread(this::accept, "fake-redis-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** A server answering every command with {@code script}, fresh for each connection. */
    static FakeRedis start(Supplier<Function<List<String>, String>> script) throws IOException {
        return new FakeRedis(script, false);
    }

    /** Like {@link #start} but writing its answers one byte at a time. */
    static FakeRedis trickling(Supplier<Function<List<String>, String>> script) throws IOException {
        return new FakeRedis(script, true);
    }

    /** A Redis server in {@code roleReply}'s role that requires {@code password} (null for none). */
    static Supplier<Function<List<String>, String>> redis(String roleReply, String password) {
        return () -> new Function<>() {
            boolean authenticated = password == null;

            @Override
            public String apply(List<String> cmd) {
                switch (cmd.get(0).toUpperCase()) {
                    case "AUTH" -> {
                        if (password == null) {
                            return "-ERR AUTH <password> called without any password configured for the default user.\r\n";
                        }
                        authenticated = cmd.size() == 2 && cmd.get(1).equals(password);
                        return authenticated ? "+OK\r\n"
                                : "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
                    }
                    case "ROLE" -> {
                        return authenticated ? roleReply : "-NOAUTH Authentication required.\r\n";
                    }
                    default -> {
                        return "-ERR unknown command '" + cmd.get(0) + "'\r\n";
                    }
                }
            }
        };
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-redis-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket s) {
        Function<List<String>, String> script = scripts.get();
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            s.setTcpNoDelay(true);
            for (List<String> cmd = command(in); cmd != null; cmd = command(in)) {
                commands.add(cmd);
                String answer = script.apply(cmd);
                if (CLOSE.equals(answer)) {
                    return;
                }
                if (answer != null) {
                    write(out, answer.getBytes(StandardCharsets.UTF_8));
                }
            }
            hungUpByClient.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
        if (!trickle) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(1);
        }
    }

    /** One {@code *N $len word ...} command, or null at the end of the stream. */
    private static List<String> command(InputStream in) throws IOException {
        String head = line(in);
        if (head == null) {
            return null;
        }
        int n = Integer.parseInt(head.substring(1));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = Integer.parseInt(line(in).substring(1));
            words.add(new String(in.readNBytes(len), StandardCharsets.UTF_8));
            in.readNBytes(2);
        }
        return words;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return b.toString().strip();
            }
            b.append((char) c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
