package dev.vigil.kernel.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.Syscalls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sockaddr_un golden bytes, and datagrams through a real socket in a temporary directory (no root needed). */
class UnixDatagramSocketTest {
    @TempDir
    Path dir;

    @Test
    void pathAndAbstractAddresses() {
        assertThat(UnixDatagramSocket.sockaddr("/run/x")).containsExactly(1, 0, '/', 'r', 'u', 'n', '/', 'x', 0);
        assertThat(UnixDatagramSocket.sockaddr("@sd")).containsExactly(1, 0, 0, 's', 'd');
        assertThatThrownBy(() -> UnixDatagramSocket.sockaddr("/" + "x".repeat(107))).isInstanceOf(KernelException.class)
                .hasMessageContaining("longer than 107");
        assertThat(UnixDatagramSocket.sockaddr("/" + "x".repeat(106))).hasSize(110);
    }

    @Test
    void sendsOneDatagramPerMessage() {
        assumeTrue(Syscalls.unavailabilityCause() == null, "skipped: no libc: " + Syscalls.unavailabilityCause());
        String path = dir.resolve("notify.sock").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bind(path);
             UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            sender.send(path, "READY=1\nSTATUS=up".getBytes(StandardCharsets.UTF_8));
            sender.send(path, "STOPPING=1".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(receiver.receive(5000), StandardCharsets.UTF_8)).isEqualTo("READY=1\nSTATUS=up");
            assertThat(new String(receiver.receive(5000), StandardCharsets.UTF_8)).isEqualTo("STOPPING=1");
            assertThat(receiver.receive(50)).isNull();
        }
    }

    @Test
    void sendingToNobodyFailsWithTheErrno() {
        assumeTrue(Syscalls.unavailabilityCause() == null, "skipped: no libc: " + Syscalls.unavailabilityCause());
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            assertThatThrownBy(() -> sender.send(dir.resolve("absent.sock").toString(), new byte[] {1}))
                    .isInstanceOf(KernelException.class).hasMessageContaining("ENOENT");
        }
    }
}
