package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.netlink.NetlinkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeIpvsTableTest {
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final ServiceKey web = tcp("10.9.0.1", 80);

    static List<IpvsErrorCases.Case> cases() {
        return IpvsErrorCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsLikeTheKernel(IpvsErrorCases.Case c) {
        assertThat(table.apply(c.setup())).allMatch(OpResult::ok);
        List<OpResult> r = table.apply(List.of(c.op()));
        assertThat(r.get(0).errno()).as(c.name()).isEqualTo(c.errno());
        assertThat(r.get(0).op()).isEqualTo(IpvsCodec.opName(c.op()));
    }

    @Test
    void singleCallsThrowTheSameExceptionAsTheKernelTable() {
        assertThatThrownBy(() -> table.addDestination(tcp("10.9.0.1", 99), dest("10.9.0.10", 80, NAT, 1)))
                .isInstanceOf(NetlinkException.class)
                .hasMessageStartingWith("IPVS_CMD_NEW_DEST(TCP 10.9.0.1:99 -> 10.9.0.10:80) failed: ESRCH");
    }

    @Test
    void destinationsAreListedNewestFirstAndEditsKeepThePlace() {
        table.addService(Service.of(web, "wrr"));
        table.addDestination(web, dest("10.9.0.10", 80, NAT, 1));
        table.addDestination(web, dest("10.9.0.11", 80, NAT, 1));
        table.addDestination(web, dest("10.9.0.12", 80, NAT, 1));
        table.editDestination(web, dest("10.9.0.11", 80, DIRECT_ROUTE, 7));
        assertThat(table.listDestinations(web)).containsExactly(dest("10.9.0.12", 80, NAT, 1),
                dest("10.9.0.11", 80, DIRECT_ROUTE, 7), dest("10.9.0.10", 80, NAT, 1));
        table.deleteDestination(web, dest("10.9.0.12", 80, DIRECT_ROUTE, 1));
        assertThat(table.listDestinations(web)).hasSize(2);
    }

    @Test
    void editReplacesTheWholeServiceConfig() {
        table.addService(Service.of(web, "rr").persistent(300).withFlag(ServiceFlag.SCHED1, true));
        table.editService(Service.of(web, "wlc"));
        assertThat(table.listServices()).containsExactly(Service.of(web, "wlc"));
    }

    @Test
    void flushEmptiesAndListsOfMissingServicesAreEmpty() {
        table.addService(Service.of(web, "rr"));
        table.addDestination(web, dest("10.9.0.10", 80, NAT, 1));
        table.flush();
        assertThat(table.listServices()).isEmpty();
        assertThat(table.listDestinations(web)).isEmpty();
    }

    @Test
    void timeoutsZeroMeansUnchanged() {
        assertThat(table.getTimeouts()).isEqualTo(Timeouts.KERNEL_DEFAULTS);
        table.setTimeouts(new Timeouts(0, 0, 200));
        assertThat(table.getTimeouts()).isEqualTo(new Timeouts(900, 120, 200));
    }

    @Test
    void daemons() {
        SyncDaemon m = SyncDaemon.of(SyncState.MASTER, "eth0", 5);
        table.startDaemon(m);
        table.startDaemon(SyncDaemon.of(SyncState.BACKUP, "eth0", 5));
        assertThat(table.listDaemons()).hasSize(2).first().isEqualTo(m);
        table.stopDaemon(SyncState.MASTER);
        assertThat(table.listDaemons()).extracting(SyncDaemon::state).containsExactly(SyncState.BACKUP);
    }

    @Test
    void applyGoesOnAfterAFailure() {
        List<OpResult> r = table.apply(List.of(new IpvsOp.AddService(Service.of(web, "rr")),
                new IpvsOp.AddService(Service.of(web, "rr")), new IpvsOp.DeleteService(web)));
        assertThat(r).extracting(OpResult::errnoName).containsExactly("", "EEXIST", "");
        assertThat(table.listServices()).isEmpty();
        assertThat(table.applyCalls()).isEqualTo(1);
    }
}
