package dev.vigil.kernel.genl;

import dev.vigil.kernel.KernelBridge;
import dev.vigil.kernel.netlink.Netlink;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GenlFamilyIT {
    @BeforeAll
    static void kernel() {
        assumeTrue(KernelBridge.isAvailable(), () -> "kernel bridge unavailable: " + KernelBridge.unavailabilityCause());
    }

    @Test
    void resolvesTheControllerItself() {
        try (NetlinkClient c = NetlinkClient.open(Netlink.NETLINK_GENERIC)) {
            Genl.Family f = Genl.resolve(c, "nlctrl");
            assertThat(f.id()).isEqualTo(Genl.GENL_ID_CTRL);
            assertThat(f.name()).isEqualTo("nlctrl");
        }
    }

    @Test
    void unknownFamilyIsEnoentWithName() {
        try (NetlinkClient c = NetlinkClient.open(Netlink.NETLINK_GENERIC)) {
            assertThatThrownBy(() -> Genl.resolve(c, "NO_SUCH_FAMILY"))
                    .isInstanceOf(NetlinkException.class)
                    .hasMessageContaining("CTRL_CMD_GETFAMILY(NO_SUCH_FAMILY)")
                    .hasMessageContaining("ENOENT");
        }
    }
}
