package dev.vigil.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.unix.UnixDatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNotifyTest {
    @TempDir
    Path dir;

    @Test
    void messagesFollowSdNotify() {
        List<String> sent = new ArrayList<>();
        ServiceNotify n = new ServiceNotify(sent::add);
        n.ready("running; VRRP instances: 1 MASTER");
        n.reloading();
        n.reloaded("running, reloaded");
        n.status("two\nlines");
        n.stopping();
        assertThat(sent).hasSize(5);
        assertThat(sent.get(0)).isEqualTo("READY=1\nSTATUS=running; VRRP instances: 1 MASTER");
        assertThat(sent.get(1)).startsWith("RELOADING=1\nSTATUS=reloading\nMONOTONIC_USEC=")
                .matches("(?s).*MONOTONIC_USEC=\\d+");
        assertThat(sent.get(2)).isEqualTo("READY=1\nSTATUS=running, reloaded");
        assertThat(sent.get(3)).isEqualTo("STATUS=two lines");
        assertThat(sent.get(4)).isEqualTo("STOPPING=1\nSTATUS=stopping");
    }

    @Test
    void withoutNotifySocketNothingIsSent() {
        assertThat(ServiceNotify.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(ServiceNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).enabled()).isFalse();
        ServiceNotify.NONE.ready("x");
    }

    @Test
    void aFailingTransportNeverStopsTheDaemon() {
        ServiceNotify n = new ServiceNotify(m -> {
            throw new IllegalStateException("gone");
        });
        n.ready("x");
        n.stopping();
    }

    @Test
    void sendsToTheSocketNamedByNotifySocket() {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramSocket manager = UnixDatagramSocket.bind(path)) {
            ServiceNotify n = ServiceNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
            assertThat(n.enabled()).isTrue();
            n.ready("running");
            assertThat(new String(manager.receive(5000), StandardCharsets.UTF_8)).isEqualTo("READY=1\nSTATUS=running");
        }
    }
}
