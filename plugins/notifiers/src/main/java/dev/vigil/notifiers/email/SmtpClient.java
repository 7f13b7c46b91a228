package dev.vigil.notifiers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP client as keepalived's: HELO, MAIL FROM, one RCPT TO per recipient, DATA, QUIT; no
 * TLS and no authentication. The connect timeout also bounds each reply. Blocking: the host calls
 * it off every protocol thread.
 */
final class SmtpClient {
    private SmtpClient() {
    }

    /** Sends one mail; throws with the server's reply when a step is refused. */
    static void send(EmailSettings s, String data) throws IOException {
        int timeout = (int) Math.max(1, Math.min(Integer.MAX_VALUE, s.connectTimeout().toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(s.host(), s.port()), timeout);
            socket.setSoTimeout(timeout);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "greeting", 220);
            command(out, in, "HELO " + s.heloName(), 250);
            command(out, in, "MAIL FROM:<" + s.from() + ">", 250);
            for (String to : s.to()) {
                command(out, in, "RCPT TO:<" + to + ">", 250, 251);
            }
            command(out, in, "DATA", 354);
            out.write((data + ".\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "end of data", 250);
            try {
                command(out, in, "QUIT", 221);
            } catch (IOException e) {
                // the mail is accepted; a server closing early is no failure
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException("SMTP server " + s.host() + ":" + s.port() + " timed out after "
                    + s.connectTimeout().toMillis() + " ms", e);
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, int... codes) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, line.split(" ", 2)[0], codes);
    }

    /** Reads one reply (all its lines) and checks its code. */
    private static void expect(BufferedReader in, String step, int... codes) throws IOException {
        String line;
        StringBuilder reply = new StringBuilder();
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection at " + step);
            }
            reply.append(reply.length() == 0 ? "" : " | ").append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code;
        try {
            code = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
        } catch (NumberFormatException e) {
            throw new IOException("SMTP server sent no reply code at " + step + ": " + reply);
        }
        for (int c : codes) {
            if (c == code) {
                return;
            }
        }
        throw new IOException("SMTP " + step + " refused: " + reply);
    }
}
