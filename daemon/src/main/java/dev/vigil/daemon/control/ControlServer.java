package dev.vigil.daemon.control;

import dev.vigil.daemon.runtime.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the {@link ControlProtocol} on an AF_UNIX stream socket of mode 0600. The socket is bound
 * under a temporary name, restricted, then renamed into place, so it is never reachable with wider
 * permissions. Each connection has its own thread and may send several requests.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final Path path;
    private final ControlProtocol protocol;
    private final ControlTarget target;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path path, ControlTarget target, ServerSocketChannel server) {
        this.path = path;
        this.target = target;
        this.protocol = new ControlProtocol(target);
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "vigil-control");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds {@code path} and starts serving.
     *
     * @throws StartupException when another process answers on {@code path} or it cannot be bound
     */
    public static ControlServer start(Path path, ControlTarget target) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        ControlServer s = new ControlServer(path, target, bind(path));
        s.acceptor.start();
        LOG.info("control socket {}", path);
        return s;
    }

    private static ServerSocketChannel bind(Path path) {
        refuseIfLive(path);
        Path tmp = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        ServerSocketChannel ch = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(tmp);
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            ch.bind(UnixDomainSocketAddress.of(tmp));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            deleteQuietly(tmp);
            throw new StartupException(List.of("cannot create control socket " + path + ": " + e), e);
        }
    }

    private static void refuseIfLive(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            deleteQuietly(path);
            return;
        }
        throw new StartupException("control socket " + path + " is in use by another process");
    }

    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel c = server.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "vigil-control-conn");
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control socket accept failed: {}", e.toString());
                }
            }
        }
    }

    private void serve(SocketChannel c) {
        boolean stop = false;
        try (c) {
            var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(c);
            String line;
            while (!stop && (line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ControlProtocol.Exchange x = protocol.handle(line);
                out.write((x.reply() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                stop = x.stopAfterReply();
            }
        } catch (IOException e) {
            LOG.debug("control connection ended: {}", e.toString());
        } finally {
            connections.remove(c);
        }
        if (stop) {
            LOG.info("stop requested on the control socket");
            target.requestStop();
        }
    }

    /** Stops accepting, closes open connections and removes the socket file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        connections.forEach(ControlServer::closeQuietly);
        deleteQuietly(path);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing while stopping: nothing more to do
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
