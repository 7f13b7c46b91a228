package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.libc.Errno;
import dev.vigil.kernel.libc.KernelException;
import dev.vigil.kernel.netlink.FakeNetlinkKernel;
import dev.vigil.kernel.netlink.NetlinkClient;
import dev.vigil.kernel.testing.TestNet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vigil.kernel.rtnl.KernelMessages.delAddr;
import static dev.vigil.kernel.rtnl.KernelMessages.event;
import static dev.vigil.kernel.rtnl.KernelMessages.newAddr;
import static dev.vigil.kernel.rtnl.KernelMessages.newLink;
import static org.assertj.core.api.Assertions.assertThat;

/** The netlink link monitor against a fake kernel: notifications, ENOBUFS resync, prompt close. */
class NetlinkLinkMonitorTest {
    private static final Link LO = new Link(1, "lo", Rtnl.IFF_UP | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP, true,
            OperState.UNKNOWN, 65536, "00:00:00:00:00:00", null, 0);
    private static final Link VETH0 = FakeLinkMonitor.upLink(3, "veth0");
    private static final IfAddress A = IfAddress.of(3, "10.1.1.1/24").withLabel("veth0").withFlags(AddressFlag.PERMANENT);
    private static final IfAddress B = IfAddress.of(3, "10.2.2.2/24").withLabel("veth0").withFlags(AddressFlag.PERMANENT);

    private volatile List<Link> kernelLinks = List.of(LO, VETH0);
    private volatile List<IfAddress> kernelAddrs = List.of(A);
    private final QueueTransport events = new QueueTransport();
    private final List<LinkEvent> seen = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private NetlinkLinkMonitor monitor;

    @BeforeEach
    void open() {
        NetlinkClient client = new NetlinkClient(new FakeNetlinkKernel(
                KernelMessages.dumps(() -> kernelLinks, () -> kernelAddrs)));
        monitor = new NetlinkLinkMonitor(events, client, true, r -> {
            Thread t = new Thread(r, "test-link-monitor");
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        monitor.subscribe(seen::add);
    }

    @AfterEach
    void close() {
        monitor.close();
    }

    private static Link withCarrier(Link l, boolean carrier) {
        int flags = carrier ? l.flags() | Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP : l.flags() & ~(Rtnl.IFF_RUNNING | Rtnl.IFF_LOWER_UP);
        return new Link(l.index(), l.name(), flags, carrier, carrier ? OperState.UP : OperState.LOWERLAYERDOWN,
                l.mtu(), l.mac(), l.kind(), l.master());
    }

    private void awaitSeen(int n) {
        assertThat(TestNet.await(10_000, () -> seen.size() >= n)).as("events so far: %s", seen).isTrue();
    }

    @Test
    void startsWithTheDumpedState() {
        assertThat(monitor.links()).containsExactly(LO, VETH0);
        assertThat(monitor.indexOf("veth0")).isEqualTo(3);
        assertThat(monitor.nameOf(1)).isEqualTo("lo");
        assertThat(monitor.addresses()).containsExactly(A);
        assertThat(monitor.addresses(1)).isEmpty();
    }

    @Test
    void deliversCarrierAndAddressChangesButNotRepeats() {
        Link lost = withCarrier(VETH0, false);
        events.push(event(newLink(lost, 0, 0)), event(newLink(lost, 0, 0)), event(newAddr(B, 0, 0)), event(delAddr(A)));
        awaitSeen(3);
        assertThat(TestNet.await(10_000, events::empty)).isTrue();
        LinkEvent.LinkUpdated carrier = (LinkEvent.LinkUpdated) seen.get(0);
        assertThat(carrier.carrierChanged()).isTrue();
        assertThat(carrier.upChanged()).isFalse();
        assertThat(carrier.current().operState()).isEqualTo(OperState.LOWERLAYERDOWN);
        assertThat(seen.subList(1, 3)).containsExactly(new LinkEvent.AddressAdded(B, null), new LinkEvent.AddressRemoved(A));
        assertThat(monitor.link(3)).contains(lost);
        assertThat(monitor.addresses()).containsExactly(B);
    }

    @Test
    void resyncsAfterEnobufsAndDeliversWhatWasMissed() {
        Link lost = withCarrier(VETH0, false);
        events.push(event(newLink(lost, 0, 0)));
        awaitSeen(1);
        seen.clear();
        // Meanwhile the kernel changed more than the socket could hold: carrier came back, A went,
        // B and a new link veth1 came. Those notifications were dropped; an older one is still queued.
        Link veth1 = FakeLinkMonitor.upLink(2, "veth1");
        kernelLinks = List.of(LO, veth1, VETH0);
        kernelAddrs = List.of(B);
        events.push(new KernelException("recv(rtnetlink)", Errno.ENOBUFS), event(newLink(lost, 0, 0)));
        awaitSeen(5);
        assertThat(seen).containsExactly(new LinkEvent.LinkUpdated(null, veth1), new LinkEvent.LinkUpdated(lost, VETH0),
                new LinkEvent.AddressRemoved(A), new LinkEvent.AddressAdded(B, null),
                new LinkEvent.Resynced("ENOBUFS: notifications lost"));
        assertThat(monitor.links()).containsExactly(LO, veth1, VETH0);
        assertThat(monitor.addresses()).containsExactly(B);
        // the stale notification was discarded, and notifications flow again
        seen.clear();
        events.push(event(KernelMessages.delLink(veth1)));
        awaitSeen(1);
        assertThat(seen).containsExactly(new LinkEvent.LinkRemoved(veth1));
        assertThat(monitor.link(VETH0.index())).contains(VETH0);
    }

    @Test
    void removingALinkRemovesItsAddressesFirst() {
        events.push(event(KernelMessages.delLink(VETH0)));
        awaitSeen(2);
        assertThat(seen).containsExactly(new LinkEvent.AddressRemoved(A), new LinkEvent.LinkRemoved(VETH0));
        assertThat(monitor.addresses()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopDelivery() {
        monitor.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        events.push(event(newAddr(B, 0, 0)), event(delAddr(B)));
        awaitSeen(2);
        assertThat(seen).hasSize(2);
    }

    @Test
    void closeStopsTheReaderPromptly() throws Exception {
        assertThat(threads).hasSize(1);
        long start = System.nanoTime();
        monitor.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(threads.get(0).isAlive()).isFalse();
        assertThat(millis).isLessThan(2_000);
        assertThat(events.closed()).isTrue();
        monitor.close(); // idempotent
    }
}
