package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kernel's error replies, as ipvsadm got them, surface as exceptions naming op and errno. */
class IpvsErrorGoldenTest {
    private static final ServiceKey WEB = tcp("10.9.0.1", 80);

    private static void fails(String capture, Consumer<NetlinkIpvs> action, int errno, String op) {
        IpvsGolden g = IpvsGolden.load(capture);
        assertThatThrownBy(() -> g.run(t -> {
            action.accept(t);
            return null;
        })).isInstanceOf(NetlinkException.class)
                .hasMessageContaining(op).hasMessageContaining(Errno.name(errno))
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(errno));
        assertThat(g.matched()).isNotEmpty();
    }

    @Test
    void destinationForMissingServiceIsEsrch() {
        fails("err-dest-missing-svc", t -> t.addDestination(tcp("10.9.0.1", 99), dest("10.9.0.10", 99, NAT, 1)),
                Errno.ESRCH, "IPVS_CMD_NEW_DEST(TCP 10.9.0.1:99 -> 10.9.0.10:99)");
    }

    @Test
    void serviceErrors() {
        fails("err-svc-dup", t -> t.addService(svc(WEB, "rr")), Errno.EEXIST, "IPVS_CMD_NEW_SERVICE(TCP 10.9.0.1:80)");
        fails("err-svc-del-missing", t -> t.deleteService(tcp("10.9.0.1", 99)), Errno.ESRCH, "IPVS_CMD_DEL_SERVICE");
        fails("err-svc-edit-missing", t -> t.editService(svc(tcp("10.9.0.1", 99), "rr")), Errno.ESRCH,
                "IPVS_CMD_SET_SERVICE");
        fails("err-sched-unknown", t -> t.addService(svc(tcp("10.9.0.1", 90), "bogus")), Errno.ENOENT,
                "IPVS_CMD_NEW_SERVICE");
        fails("err-pe-unknown", t -> t.addService(svc(tcp("10.9.0.1", 91), "rr").persistent(360).withPeName("bogus")),
                Errno.ENOENT, "IPVS_CMD_NEW_SERVICE");
        fails("err-get-service-missing", t -> t.getService(tcp("10.9.0.1", 99)), Errno.ESRCH,
                "IPVS_CMD_GET_SERVICE");
    }

    @Test
    void destinationErrors() {
        fails("err-dest-dup", t -> t.addDestination(WEB, dest("10.9.0.10", 8080, NAT, 1)), Errno.EEXIST,
                "IPVS_CMD_NEW_DEST");
        fails("err-dest-del-missing", t -> t.deleteDestination(WEB, dest("10.9.0.99", 80, DIRECT_ROUTE, 1)),
                Errno.ENOENT, "IPVS_CMD_DEL_DEST");
        fails("err-dest-edit-missing", t -> t.editDestination(WEB, dest("10.9.0.99", 80, NAT, 1)), Errno.ENOENT,
                "IPVS_CMD_SET_DEST");
        fails("err-dest-thresholds",
                t -> t.addDestination(WEB, dest("10.9.0.30", 80, DIRECT_ROUTE, 1).withThresholds(0, 10)),
                Errno.ERANGE, "IPVS_CMD_NEW_DEST");
    }

    @Test
    void daemonErrors() {
        fails("err-daemon-dup", t -> t.startDaemon(SyncDaemon.of(SyncState.MASTER, "dummy0", 7)), Errno.EEXIST,
                "IPVS_CMD_NEW_DAEMON(master)");
        fails("err-daemon-stop-none", t -> t.stopDaemon(SyncState.MASTER), Errno.ESRCH,
                "IPVS_CMD_DEL_DAEMON(master)");
    }
}
