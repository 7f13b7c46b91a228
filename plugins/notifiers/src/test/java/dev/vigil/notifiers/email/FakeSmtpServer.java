package dev.vigil.notifiers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server for tests that records the client's side of the dialogue (commands, then the DATA
 * lines as sent) and answers from a table; {@code greet=false} never sends the greeting.
 */
final class FakeSmtpServer implements AutoCloseable {
    final List<String> dialogue = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Map<String, String> replies;
    private final boolean greet;
    private final Thread thread;

    FakeSmtpServer(Map<String, String> replies, boolean greet) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.replies = replies;
        this.greet = greet;
        this.thread = new Thread(this::serve, "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        if (!greet) {
            in.readLine();
            return;
        }
        send(out, "220 fake ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            dialogue.add(line);
            String verb = line.split("[ :]", 2)[0];
            if (verb.equals("DATA")) {
                send(out, "354 go on");
                while (!(line = in.readLine()).equals(".")) {
                    dialogue.add(line);
                }
                dialogue.add(".");
                send(out, replies.getOrDefault(".", "250 queued"));
            } else if (verb.equals("QUIT")) {
                send(out, "221 bye");
                return;
            } else {
                send(out, replies.getOrDefault(verb, verb.equals("HELO") ? "250-fake\r\n250 ok" : "250 ok"));
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
