package dev.vigil.daemon.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Sends one request to the control socket and reads its reply. */
public final class ControlClient {
    private final Path socket;

    public ControlClient(Path socket) {
        this.socket = Objects.requireNonNull(socket, "socket");
    }

    /**
     * Sends {@code {"cmd": command}} and returns the parsed reply.
     *
     * @throws DaemonUnreachableException when nothing listens on the socket
     * @throws IOException                when the daemon closes the connection without a reply
     */
    public Map<String, Object> call(String command) throws IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new DaemonUnreachableException(socket, e);
        }
        try (channel) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write((Json.line(Map.of("cmd", command)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the daemon at " + socket + " closed the connection without replying");
            }
            return Json.object(line);
        }
    }
}
