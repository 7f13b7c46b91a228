package dev.vigil.lvs.reconcile;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.FakeIpvsTable;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.lvs.ipvsadm.IpvsadmSave;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IpvsReconcilerTest {
    private static final ServiceKey WEB = ServiceKey.tcp(IpAddresses.parse("10.0.0.1"), 80);
    private static final ServiceKey DNS = ServiceKey.udp(IpAddresses.parse("10.0.0.1"), 53);

    private static Destination rs(String addr, int weight) {
        return Destination.of(IpAddresses.parse(addr), 80, ForwardMethod.NAT, weight);
    }

    private static DesiredTable web(Destination... dests) {
        return DesiredTable.builder().service(Service.of(WEB, "wrr"), List.of(dests)).build();
    }

    private final FakeIpvsTable kernel = new FakeIpvsTable();
    private final IpvsReconciler reconciler = new IpvsReconciler(kernel);

    @Test
    void buildsTheTableFromNothingInOneBatch() {
        IpvsReconciler.Result r = reconciler.reconcile(web(rs("192.168.1.2", 1), rs("192.168.1.3", 2)));
        assertThat(r.ok()).isTrue();
        assertThat(kernel.applyCalls()).isEqualTo(1);
        assertThat(IpvsadmSave.save(kernel)).isEqualTo("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 192.168.1.2:80 -m -w 1
                -a -t 10.0.0.1:80 -r 192.168.1.3:80 -m -w 2
                """);
    }

    @Test
    void anUnchangedTableWritesNothing() {
        DesiredTable t = web(rs("192.168.1.2", 1));
        reconciler.reconcile(t);
        int calls = kernel.applyCalls();
        IpvsReconciler.Result again = reconciler.reconcile(web(rs("192.168.1.2", 1)));
        assertThat(again.changed()).isFalse();
        assertThat(kernel.applyCalls()).isEqualTo(calls);
    }

    @Test
    void weightChangesAreEditsAndMissingServersAreRemoved() {
        reconciler.reconcile(web(rs("192.168.1.2", 1), rs("192.168.1.3", 1)));
        IpvsReconciler.Result r = reconciler.reconcile(web(rs("192.168.1.2", 0)));
        assertThat(r.ops()).extracting(IpvsOp::describe).containsExactly(
                "delete-dest TCP 10.0.0.1:80 -> 192.168.1.3:80",
                "edit-dest TCP 10.0.0.1:80 -> 192.168.1.2:80");
        assertThat(kernel.listDestinations(WEB)).extracting(Destination::weight).containsExactly(0);
    }

    @Test
    void aChangedSchedulerIsAnEditNotADeleteAndAdd() {
        reconciler.reconcile(web(rs("192.168.1.2", 1)));
        IpvsReconciler.Result r = reconciler.reconcile(DesiredTable.builder()
                .service(Service.of(WEB, "rr"), List.of(rs("192.168.1.2", 1))).build());
        assertThat(r.ops()).extracting(IpvsOp::describe).containsExactly("edit-service TCP 10.0.0.1:80");
    }

    @Test
    void servicesItDoesNotManageAreLeftAlone() {
        kernel.addService(Service.of(DNS, "rr"));
        kernel.addDestination(DNS, Destination.of(IpAddresses.parse("192.168.1.9"), 53, ForwardMethod.NAT, 1));
        reconciler.reconcile(web(rs("192.168.1.2", 1)));
        reconciler.reconcile(DesiredTable.EMPTY);
        assertThat(kernel.listServices()).extracting(Service::key).containsExactly(DNS);
        assertThat(kernel.listDestinations(DNS)).hasSize(1);
    }

    @Test
    void adoptsAnExistingServiceAndFixesItsRealServers() {
        kernel.addService(Service.of(WEB, "wrr"));
        kernel.addDestination(WEB, rs("192.168.1.2", 5));
        kernel.addDestination(WEB, rs("192.168.1.7", 1));
        IpvsReconciler.Result r = reconciler.reconcile(web(rs("192.168.1.2", 5)));
        assertThat(r.ops()).extracting(IpvsOp::describe).containsExactly("delete-dest TCP 10.0.0.1:80 -> 192.168.1.7:80");
    }

    @Test
    void aDroppedVirtualServerIsDeletedWithItsRealServers() {
        reconciler.reconcile(web(rs("192.168.1.2", 1)));
        IpvsReconciler.Result r = reconciler.reconcile(DesiredTable.EMPTY);
        assertThat(r.ops()).extracting(IpvsOp::describe).containsExactly("delete-service TCP 10.0.0.1:80");
        assertThat(kernel.listServices()).isEmpty();
        assertThat(reconciler.managed()).isEmpty();
    }
}
