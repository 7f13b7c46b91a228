package dev.vigil.kernel.netns;

import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.libc.Syscalls;
import dev.vigil.kernel.testing.TestNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetNamespaceIT {
    @Test
    void codeRunsInsideTheNamespaceAndTheCallerStaysOutside() throws Exception {
        try (TestNet net = TestNet.create("netns")) {
            String ns = net.ns("a");
            net.exec(ns, "ip", "link", "add", "only-here", "type", "veth", "peer", "name", "only-here-p");
            int inside = NetNamespace.named(ns).call(() -> Syscalls.ifNameToIndex("only-here"));
            assertThat(inside).isPositive();
            assertThatThrownBy(() -> Syscalls.ifNameToIndex("only-here")).isInstanceOf(KernelException.class);
        }
    }

    @Test
    @Timeout(30)
    void aFileThatIsNotANamespaceFailsInsteadOfHanging() throws Exception {
        TestNet.assumeNetnsCapable();
        Path bogus = Path.of("/var/run/netns", "vt-netnsbad-" + ProcessHandle.current().pid());
        Files.createDirectories(bogus.getParent());
        Files.writeString(bogus, "");
        try {
            assertThatThrownBy(() -> NetNamespace.named(bogus.getFileName().toString()).call(() -> "ran"))
                    .isInstanceOf(KernelException.class)
                    .hasMessageContaining("setns(netns vt-netnsbad-")
                    .hasMessageContaining("EINVAL");
        } finally {
            Files.deleteIfExists(bogus);
        }
    }

    @Test
    void missingNamespaceIsNamed() {
        assertThatThrownBy(() -> NetNamespace.named("vt-no-such-namespace"))
                .hasMessageContaining("network namespace 'vt-no-such-namespace' does not exist");
    }
}
