package dev.vigil.daemon.control;

import dev.vigil.daemon.runtime.ReloadOutcome;
import dev.vigil.daemon.runtime.StartupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The control socket protocol over a real AF_UNIX socket in a temporary directory. */
class ControlServerTest {
    @TempDir
    Path dir;

    private ControlServer server;

    private final AtomicInteger reloads = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ReloadOutcome nextOutcome = ReloadOutcome.applied(List.of("vrrp: VI_1 priority 100 -> 150"));

    private final ControlTarget target = new ControlTarget() {
        @Override
        public Map<String, Object> status() {
            return new TreeMap<>(Map.of("daemon", Map.of("state", "running"), "subsystems", Map.of()));
        }

        @Override
        public ReloadOutcome reload() {
            reloads.incrementAndGet();
            return nextOutcome;
        }

        @Override
        public void requestStop() {
            stopped.countDown();
        }
    };

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private Path start() {
        Path sock = dir.resolve("vigil.sock");
        server = ControlServer.start(sock, target);
        return sock;
    }

    private static List<String> exchange(Path sock, String... lines) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(sock));
            OutputStream out = Channels.newOutputStream(c);
            var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
            var replies = new java.util.ArrayList<String>();
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                replies.add(in.readLine());
            }
            return replies;
        }
    }

    @Test
    void theSocketIsOwnerOnlyAndRemovedOnClose() throws IOException {
        Path sock = start();
        assertThat(Files.getPosixFilePermissions(sock)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("vigil.sock");
        server.close();
        assertThat(sock).doesNotExist();
    }

    @Test
    void statusReloadAndErrorsOnOneConnection() throws IOException {
        Path sock = start();
        List<String> replies = exchange(sock, "{\"cmd\":\"status\"}", "{\"cmd\":\"reload\"}", "{\"cmd\":\"restart\"}",
                "not json", "{\"command\":\"status\"}");
        assertThat(replies).containsExactly(
                "{\"ok\":true,\"status\":{\"daemon\":{\"state\":\"running\"},\"subsystems\":{}}}",
                "{\"ok\":true,\"messages\":[\"vrrp: VI_1 priority 100 -> 150\"]}",
                "{\"ok\":false,\"error\":\"unknown command 'restart'; expected status, reload or stop\"}",
                replies.get(3),
                "{\"ok\":false,\"error\":\"bad request: a \\\"cmd\\\" string is required\"}");
        assertThat(replies.get(3)).startsWith("{\"ok\":false,\"error\":\"bad request: not a JSON object: ");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void theClientReadsARefusedReload() throws IOException {
        Path sock = start();
        nextOutcome = ReloadOutcome.refused(List.of("/etc/vigil.yaml:4:24: out of range"));
        Map<String, Object> reply = new ControlClient(sock).call("reload");
        assertThat(reply).containsEntry("ok", false).containsEntry("messages", List.of("/etc/vigil.yaml:4:24: out of range"));
    }

    @Test
    void stopIsRequestedAfterTheReply() throws Exception {
        Path sock = start();
        assertThat(new ControlClient(sock).call("stop")).containsEntry("ok", true);
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void noDaemonIsReportedAsUnreachable() {
        Path sock = dir.resolve("none.sock");
        assertThatThrownBy(() -> new ControlClient(sock).call("status"))
                .isInstanceOf(DaemonUnreachableException.class)
                .hasMessageStartingWith("cannot reach the daemon at " + sock + ": ")
                .hasMessageEndingWith("(is 'vigil run' running?)");
    }

    @Test
    void aLiveSocketIsNotTakenOverButAStaleOneIs() throws IOException {
        Path sock = start();
        assertThatThrownBy(() -> ControlServer.start(sock, target)).isInstanceOf(StartupException.class)
                .hasMessage("control socket " + sock + " is in use by another process");
        assertThat(new ControlClient(sock).call("status")).containsEntry("ok", true);

        Path stale = dir.resolve("stale.sock");
        SocketChannel dead = SocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(stale));
        dead.close();
        try (ControlServer again = ControlServer.start(stale, target)) {
            assertThat(new ControlClient(stale).call("status")).containsEntry("ok", true);
        }
    }
}
