package dev.vigil.kernel.rtnl;

import dev.vigil.kernel.testing.TestNet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The rtnetlink link monitor in a namespace: link, carrier and address events, overrun resync, close. */
class LinkMonitorIT {
    private static final long DEADLINE_MILLIS = 10_000;

    private static boolean saw(List<LinkEvent> seen, Predicate<LinkEvent> p) {
        return TestNet.await(DEADLINE_MILLIS, () -> seen.stream().anyMatch(p));
    }

    private static Predicate<LinkEvent> link(String name, Predicate<LinkEvent.LinkUpdated> p) {
        return e -> e instanceof LinkEvent.LinkUpdated u && u.current().name().equals(name) && p.test(u);
    }

    @Test
    void linkDownUpAndCarrierEvents() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlmon"); NetlinkLinkMonitor m = n.netns.call(NetlinkLinkMonitor::open)) {
            List<LinkEvent> seen = new CopyOnWriteArrayList<>();
            m.subscribe(seen::add);
            // A new namespace may also hold fallback tunnel devices (tunl0, sit0...) on some hosts.
            assertThat(m.links()).extracting(Link::name).contains("lo", "veth1", "veth0");
            assertThat(m.indexOf("veth0")).isEqualTo(n.index("veth0"));
            assertThat(TestNet.await(DEADLINE_MILLIS, () -> m.link("veth0").orElseThrow().usable())).isTrue();

            n.ip("link", "set", "veth1", "down");
            assertThat(saw(seen, link("veth0", u -> u.carrierChanged() && !u.current().carrier()))).as("%s", seen).isTrue();
            assertThat(saw(seen, link("veth1", u -> u.upChanged() && !u.current().up()))).as("%s", seen).isTrue();
            assertThat(TestNet.await(DEADLINE_MILLIS,
                    () -> m.link("veth0").orElseThrow().operState() == OperState.LOWERLAYERDOWN)).isTrue();

            seen.clear();
            n.ip("link", "set", "veth1", "up");
            assertThat(saw(seen, link("veth0", u -> u.carrierChanged() && u.current().carrier()))).as("%s", seen).isTrue();
            assertThat(TestNet.await(DEADLINE_MILLIS, () -> m.link("veth0").orElseThrow().operState() == OperState.UP)).isTrue();

            n.ip("link", "add", "veth2", "type", "veth", "peer", "name", "veth3");
            assertThat(saw(seen, link("veth2", LinkEvent.LinkUpdated::isNew))).as("%s", seen).isTrue();
            n.ip("link", "del", "veth2");
            assertThat(saw(seen, e -> e instanceof LinkEvent.LinkRemoved r && r.link().name().equals("veth3"))).isTrue();
            assertThat(TestNet.await(DEADLINE_MILLIS, () -> m.link("veth2").isEmpty())).isTrue();
        }
    }

    @Test
    void addressEvents() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlmonaddr"); NetlinkLinkMonitor m = n.netns.call(NetlinkLinkMonitor::open)) {
            List<LinkEvent> seen = new CopyOnWriteArrayList<>();
            m.subscribe(seen::add);
            int veth0 = n.index("veth0");
            IfAddress vip = IfAddress.of(veth0, "10.7.7.7/24").withLabel("veth0:vip");
            n.netns.call(() -> {
                try (NetlinkAddressTable t = NetlinkAddressTable.open()) {
                    t.add(vip);
                }
                return null;
            });
            assertThat(saw(seen, e -> e instanceof LinkEvent.AddressAdded a && a.address().sameAs(vip)
                    && "veth0:vip".equals(a.address().label()))).as("%s", seen).isTrue();
            n.ip("-6", "addr", "add", "2001:db8::7/64", "dev", "veth0", "nodad");
            assertThat(saw(seen, e -> e instanceof LinkEvent.AddressAdded a
                    && a.address().cidr().equals("2001:db8:0:0:0:0:0:7/64"))).as("%s", seen).isTrue();
            assertThat(m.addresses(veth0)).anyMatch(a -> a.sameAs(vip));

            n.ip("addr", "del", "10.7.7.7/24", "dev", "veth0");
            assertThat(saw(seen, e -> e instanceof LinkEvent.AddressRemoved r && r.address().sameAs(vip))).isTrue();
            assertThat(m.addresses(veth0)).noneMatch(a -> a.sameAs(vip));
        }
    }

    @Test
    void overrunIsRecoveredByAResync() throws Exception {
        // A listener that blocks while 20,000 MTU changes are made: the socket's receive buffer
        // overruns, the kernel drops notifications and reports ENOBUFS, and the monitor resyncs.
        try (RtnlNet n = new RtnlNet("rtnlmonovr"); NetlinkLinkMonitor m = n.netns.call(NetlinkLinkMonitor::open)) {
            List<LinkEvent> seen = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            m.subscribe(e -> {
                seen.add(e);
                await(release);
            });
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= 20_000; i++) {
                batch.append("link set dev veth0 mtu ").append(i % 2 == 0 ? 1400 : 1450).append('\n');
            }
            batch.append("link set dev veth0 mtu 1300\n");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("vigil-mtu", ".batch");
            try {
                java.nio.file.Files.writeString(file, batch);
                n.ip("-batch", file.toString());
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
            release.countDown();
            assertThat(saw(seen, e -> e instanceof LinkEvent.Resynced r && r.reason().contains("ENOBUFS")))
                    .as("no resync among %d events", seen.size()).isTrue();
            assertThat(TestNet.await(DEADLINE_MILLIS, () -> m.link("veth0").orElseThrow().mtu() == 1300)).isTrue();
            assertThat(seen.size()).isLessThan(20_000);
        }
    }

    @Test
    void closeStopsTheReaderPromptly() throws Exception {
        try (RtnlNet n = new RtnlNet("rtnlmonclose")) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            NetlinkLinkMonitor m = n.netns.call(() -> NetlinkLinkMonitor.open(r -> {
                Thread t = new Thread(r, "it-link-monitor");
                t.setDaemon(true);
                threads.add(t);
                return t;
            }));
            long start = System.nanoTime();
            m.close();
            // Generous bound: the reader polls every 100 ms; this only catches a close that hangs.
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
            assertThat(threads).singleElement().satisfies(t -> assertThat(t.isAlive()).isFalse());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
