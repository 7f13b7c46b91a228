package dev.vigil.vrrp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.ArpSender;
import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.arp.RecordingArpSender;
import dev.vigil.kernel.rtnl.AddressTable;
import dev.vigil.kernel.rtnl.FakeAddressTable;
import dev.vigil.kernel.rtnl.FakeLinkMonitor;
import dev.vigil.kernel.rtnl.FakeLinkControl;
import dev.vigil.kernel.rtnl.FakeRouteTable;
import dev.vigil.kernel.rtnl.LinkControl;
import dev.vigil.kernel.rtnl.MacvlanMode;
import dev.vigil.kernel.nft.FakeVipFilter;
import dev.vigil.kernel.nft.VipFilter;
import dev.vigil.kernel.sysctl.FakeSysctl;
import dev.vigil.kernel.sysctl.Sysctl;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.LinkMonitor;
import dev.vigil.kernel.rtnl.RouteTable;
import dev.vigil.kernel.vrrp.FakeVrrpNetwork;
import dev.vigil.kernel.vrrp.VrrpSocket;
import dev.vigil.kernel.vrrp.VrrpSocketOptions;
import dev.vigil.vrrp.instance.GarpPolicy;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.InstanceSpec.TrackBinding;
import dev.vigil.vrrp.instance.Vip;
import dev.vigil.vrrp.instance.VmacSpec;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.packet.AuthType;
import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.script.ScriptRunner;
import dev.vigil.vrrp.time.EventLoop;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Two engines on a fake LAN with real event loops and 100 ms adverts. */
class VrrpEngineTest {
    private final FakeVrrpNetwork lan = new FakeVrrpNetwork();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final class Node implements KernelPorts, AutoCloseable {
        final String name;
        final FakeLinkMonitor links = new FakeLinkMonitor();
        final FakeAddressTable addresses = new FakeAddressTable(links);
        final FakeRouteTable routes = new FakeRouteTable();
        final RecordingArpSender arp = new RecordingArpSender().withInterface("eth0", MacAddress.parse("02:00:00:00:00:01"));
        final FakeLinkControl linkControl = new FakeLinkControl().addExisting("lo", 1).addExisting("eth0", 2);
        final FakeSysctl sysctl = new FakeSysctl();
        final FakeVipFilter vipFilter = new FakeVipFilter();
        final EventLoop loop;
        final VrrpEngine engine;
        final AtomicInteger scriptExit = new AtomicInteger(0);
        final List<List<String>> ran = new CopyOnWriteArrayList<>();
        final Map<String, Duration> timeouts = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> portCalls = new CopyOnWriteArrayList<>();

        Node(String name, String address) {
            this.name = name;
            InetAddress a = ip(address);
            links.putLink(FakeLinkMonitor.upLink(2, "eth0"));
            sysctl.write("net/ipv4/conf/eth0/arp_ignore", "0");
            sysctl.write("net/ipv4/conf/eth0/arp_announce", "0");
            addresses.add(IfAddress.of(2, address + "/24"));
            lan.node(name).addInterface("eth0", "lan", a);
            loop = new EventLoop("vrrp-" + name);
            ScriptRunner runner = (argv, timeout, user) -> {
                ran.add(List.copyOf(argv));
                timeouts.put(argv.get(0), timeout);
                return CompletableFuture.completedFuture(ScriptResult.exited(scriptExit.get()));
            };
            engine = new VrrpEngine(this, loop, runner, Runnable::run, Path.of("/proc"),
                    (c, from, reason) -> events.add(name + " " + (c.group() ? "GROUP " : "") + c.name() + " " + from + "->" + c.state()));
        }

        boolean holds(String vip) {
            return addresses.list().stream().anyMatch(x -> x.address().equals(ip(vip)));
        }

        String state(String instance) {
            return engine.status().stream().filter(m -> m.get("instance").equals(instance))
                    .map(m -> (String) m.get("state")).findFirst().orElse("none");
        }

        @Override
        public VrrpSocket openSocket(VrrpSocketOptions options) {
            return lan.node(name).open(options);
        }

        @Override
        public AddressTable addresses() {
            return addresses;
        }

        @Override
        public RouteTable routes() {
            return routes;
        }

        @Override
        public ArpSender arp() {
            return arp;
        }

        @Override
        public LinkMonitor links() {
            return links;
        }

        @Override
        public LinkControl linkControl() {
            return linkControl;
        }

        @Override
        public Sysctl sysctl() {
            return sysctl;
        }

        @Override
        public VipFilter vipFilter() {
            return vipFilter;
        }

        @Override
        public dev.vigil.vrrp.instance.VipPort vipPort(InstanceSpec spec) {
            String backend = spec.vipBackend();
            return new dev.vigil.vrrp.instance.VipPort() {
                @Override
                public void add(String instance, List<Vip> vips) {
                    portCalls.add(backend + " add " + instance + " " + vips);
                }

                @Override
                public void remove(String instance, List<Vip> vips) {
                    portCalls.add(backend + " remove " + instance + " " + vips);
                }
            };
        }

        /** Lets the VMAC interface the engine will create (index 3) carry addresses and adverts. */
        void expectVmac(String name, String address) {
            links.putLink(FakeLinkMonitor.upLink(3, name));
            lan.node(this.name).addInterface(name, "lan", ip(address));
            arp.withInterface(name, MacAddress.vrrpIpv4(51));
        }

        @Override
        public void close() {
            engine.close();
            loop.close();
        }
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InstanceSpec instance(String name, int vrid, int priority, String vip, List<TrackBinding> tracked) {
        return new InstanceSpec(name, "eth0", 2, IpFamily.V4, 3, vrid, priority, 10, true, Duration.ZERO, false,
                AuthType.NONE, null, List.of(new Vip(IfAddress.of(2, vip + "/24"), "eth0", true)), List.of(), List.of(),
                null, List.of(), 255, false, GarpPolicy.defaults(), false, false, false, false, true, tracked,
                NotifyCommands.NONE, Duration.ofSeconds(5));
    }

    static EngineSpec spec(List<InstanceSpec> instances, List<EngineSpec.SyncGroupSpec> groups) {
        return new EngineSpec(instances, groups, List.of(new EngineSpec.ScriptSpec("chk", List.of("chk"),
                Duration.ofMillis(50), Duration.ofSeconds(1), -60, false, 1, 1, null, false)), List.of(), List.of());
    }

    static void await(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void failingScriptMovesTheAddressAndANoOpReloadChangesNothing() throws Exception {
        List<TrackBinding> chk = List.of(new TrackBinding("script", "chk", TrackBinding.OBJECT_WEIGHT, false));
        try (Node a = new Node("a", "10.0.0.1"); Node b = new Node("b", "10.0.0.2")) {
            EngineSpec specA = spec(List.of(instance("VI_1", 51, 150, "10.0.0.100", chk)), List.of());
            a.engine.apply(specA);
            b.engine.apply(spec(List.of(instance("VI_1", 51, 100, "10.0.0.100", List.of())), List.of()));
            await("a master", () -> a.holds("10.0.0.100") && "BACKUP".equals(b.state("VI_1"))
                    && events.contains("a VI_1 BACKUP->MASTER"));

            int before = events.size();
            assertThat(a.engine.apply(specA)).isEmpty();
            Thread.sleep(300);
            assertThat(events).hasSize(before);

            a.scriptExit.set(1);
            await("b master after a's check fails", () -> b.holds("10.0.0.100") && !a.holds("10.0.0.100"));
            assertThat(a.engine.status().get(0)).containsEntry("effective_priority", 90);
        }
    }

    @Test
    void syncGroupMembersMoveTogether() throws Exception {
        List<TrackBinding> chk = List.of(new TrackBinding("script", "chk", 0, false));
        try (Node a = new Node("a", "10.0.0.1"); Node b = new Node("b", "10.0.0.2")) {
            var group = List.of(new EngineSpec.SyncGroupSpec("G", List.of("VI_1", "VI_2"),
                    new NotifyCommands(null, null, "/bin/group-fault", null, "/bin/group-any", null)));
            a.engine.apply(spec(List.of(instance("VI_1", 51, 150, "10.0.0.100", chk),
                    instance("VI_2", 52, 150, "10.0.0.101", List.of())), group));
            b.engine.apply(spec(List.of(instance("VI_1", 51, 100, "10.0.0.100", List.of()),
                    instance("VI_2", 52, 100, "10.0.0.101", List.of())), group));
            await("a holds both", () -> a.holds("10.0.0.100") && a.holds("10.0.0.101"));
            a.scriptExit.set(1);
            await("b holds both", () -> b.holds("10.0.0.100") && b.holds("10.0.0.101"));
            assertThat(a.state("VI_1")).isEqualTo("FAULT");
            assertThat(a.state("VI_2")).isEqualTo("FAULT");
            assertThat(events).contains("a GROUP G MASTER->FAULT");
            await("group notify scripts", () -> a.ran.contains(List.of("/bin/group-any", "GROUP", "G", "FAULT", "150")));
            assertThat(a.ran).contains(List.of("/bin/group-fault"));
            assertThat(a.timeouts).containsEntry("/bin/group-fault", Duration.ofSeconds(30));
        }
    }

    @Test
    void reloadAddsAndRemovesInstancesAndStopSendsPriorityZero() throws Exception {
        try (Node a = new Node("a", "10.0.0.1"); Node b = new Node("b", "10.0.0.2")) {
            a.engine.apply(spec(List.of(instance("VI_1", 51, 150, "10.0.0.100", List.of())), List.of()));
            b.engine.apply(spec(List.of(instance("VI_1", 51, 100, "10.0.0.100", List.of())), List.of()));
            await("a master", () -> a.holds("10.0.0.100"));
            List<String> changes = a.engine.apply(spec(List.of(instance("VI_1", 51, 150, "10.0.0.100", List.of()),
                    instance("VI_2", 52, 150, "10.0.0.101", List.of())), List.of()));
            assertThat(changes).containsExactly("started VI_2");
            await("a holds VI_2's address", () -> a.holds("10.0.0.101"));
            a.engine.apply(spec(List.of(instance("VI_2", 52, 150, "10.0.0.101", List.of())), List.of()));
            assertThat(a.holds("10.0.0.100")).isFalse();
            await("b takes VI_1 over", () -> b.holds("10.0.0.100"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counters(Node n) {
        return (Map<String, Object>) n.engine.status().get(0).get("counters");
    }

    private static EngineSpec one(int priority, String vip) {
        return spec(List.of(instance("VI_1", 51, priority, vip, List.of())), List.of());
    }

    @Test
    void aChangedVipBackendRestartsTheInstanceThroughTheNewPort() throws Exception {
        try (Node a = new Node("a", "10.0.0.1")) {
            InstanceSpec first = instance("VI_1", 51, 150, "10.0.0.100", List.of()).withVipBackend("exec A");
            a.engine.apply(spec(List.of(first), List.of()));
            await("a master", () -> "MASTER".equals(a.state("VI_1")));
            await("the add through backend A", () -> a.portCalls.contains("exec A add VI_1 [10.0.0.100/24 dev eth0]"));
            assertThat(a.holds("10.0.0.100")).as("the kernel table").isFalse();
            assertThat(a.engine.apply(spec(List.of(first), List.of()))).isEmpty();

            assertThat(a.engine.apply(spec(List.of(first.withVipBackend("exec B")), List.of())))
                    .contains("restarted VI_1");
            await("the add through backend B", () -> a.portCalls.contains("exec B add VI_1 [10.0.0.100/24 dev eth0]"));
            assertThat(a.portCalls).containsSubsequence("exec A add VI_1 [10.0.0.100/24 dev eth0]",
                    "exec A remove VI_1 [10.0.0.100/24 dev eth0]", "exec B add VI_1 [10.0.0.100/24 dev eth0]");

            assertThat(a.engine.apply(spec(List.of(first.withVipBackend(null)), List.of()))).contains("restarted VI_1");
            await("back in the kernel table", () -> a.holds("10.0.0.100"));
            assertThat(a.portCalls).endsWith("exec B remove VI_1 [10.0.0.100/24 dev eth0]");
        }
    }

    @Test
    void priorityAndAddressChangesApplyInPlaceWithoutATransition() throws Exception {
        try (Node a = new Node("a", "10.0.0.1"); Node b = new Node("b", "10.0.0.2")) {
            a.engine.apply(one(150, "10.0.0.100"));
            await("a master", () -> a.holds("10.0.0.100"));
            // b starts once a is master, so b never becomes master itself, however loaded the machine.
            b.engine.apply(one(100, "10.0.0.100"));
            await("b backup", () -> "BACKUP".equals(b.state("VI_1")));
            assertThat(counters(a)).containsEntry("transitions", 2L).containsEntry("became_master", 1L);
            assertThat(counters(b)).containsEntry("transitions", 1L);
            int before = events.size();

            assertThat(a.engine.apply(one(120, "10.0.0.100"))).containsExactly("updated VI_1");
            assertThat(a.engine.status().get(0)).containsEntry("effective_priority", 120).containsEntry("state", "MASTER");
            assertThat(b.engine.apply(one(100, "10.0.0.200"))).containsExactly("updated VI_1");
            assertThat(a.engine.apply(one(120, "10.0.0.200"))).containsExactly("updated VI_1");
            assertThat(a.holds("10.0.0.200")).isTrue();
            assertThat(a.holds("10.0.0.100")).isFalse();
            assertThat(b.holds("10.0.0.200")).isFalse();

            long received = (Long) counters(b).get("adverts_received");
            await("b hears five more adverts", () -> (Long) counters(b).get("adverts_received") >= received + 5);
            assertThat(events).hasSize(before);
            assertThat(counters(a)).containsEntry("transitions", 2L);
            assertThat(counters(b)).containsEntry("transitions", 1L);
            assertThat(a.state("VI_1")).isEqualTo("MASTER");
        }
    }

    @Test
    void withoutAcceptANonOwnerDropsTrafficToItsAddressesWhileItRuns() throws Exception {
        try (Node a = new Node("a", "10.0.0.1")) {
            InstanceSpec noAccept = instance("VI_1", 51, 150, "10.0.0.100", List.of()).withAccept(false);
            a.engine.apply(spec(List.of(noAccept, instance("VI_2", 52, 255, "10.0.0.101", List.of()).withAccept(false),
                    instance("VI_3", 53, 150, "10.0.0.102", List.of())), List.of()));
            assertThat(a.vipFilter.dropped()).as("the owner (255) and accept mode are not filtered")
                    .containsExactly(ip("10.0.0.100"));
            a.engine.apply(spec(List.of(noAccept.withAddresses(List.of(new Vip(IfAddress.of(2, "10.0.0.110/24"), "eth0",
                    true)), List.of(), List.of())), List.of()));
            assertThat(a.vipFilter.dropped()).as("an in-place address change").containsExactly(ip("10.0.0.110"));
            a.engine.apply(spec(List.of(noAccept.withAccept(true)), List.of()));
            assertThat(a.vipFilter.dropped()).isEmpty();
            a.engine.apply(spec(List.of(noAccept), List.of()));
            assertThat(a.vipFilter.dropped()).containsExactly(ip("10.0.0.100"));
            a.engine.apply(spec(List.of(), List.of()));
            assertThat(a.vipFilter.dropped()).isEmpty();
        }
    }

    @Test
    void useVmacPutsTheAddressOnAMacvlanAnnouncedWithTheVirtualMac() throws Exception {
        VmacSpec vmac = new VmacSpec("vrrp.51", MacAddress.vrrpIpv4(51), false);
        try (Node a = new Node("a", "10.0.0.1"); Node b = new Node("b", "10.0.0.2")) {
            a.expectVmac("vrrp.51", "10.0.0.1");
            b.expectVmac("vrrp.51", "10.0.0.2");
            a.engine.apply(spec(List.of(instance("VI_1", 51, 150, "10.0.0.100", List.of()).withVmac(vmac)), List.of()));
            await("a master", () -> a.holds("10.0.0.100"));
            b.engine.apply(spec(List.of(instance("VI_1", 51, 100, "10.0.0.100", List.of()).withVmac(vmac)), List.of()));
            await("b backup", () -> "BACKUP".equals(b.state("VI_1")));

            assertThat(a.linkControl.link("vrrp.51")).hasValueSatisfying(l -> {
                assertThat(l.up()).isTrue();
                assertThat(l.macvlan().baseIndex()).isEqualTo(2);
                assertThat(l.macvlan().mac()).isEqualTo(MacAddress.parse("00:00:5e:00:01:33"));
                assertThat(l.macvlan().mode()).isEqualTo(MacvlanMode.PRIVATE);
            });
            assertThat(b.linkControl.indexOf("vrrp.51")).isEqualTo(3);
            assertThat(a.addresses.list()).anyMatch(x -> x.address().equals(ip("10.0.0.100")) && x.ifindex() == 3);
            assertThat(a.arp.sent()).isNotEmpty().allSatisfy(x -> {
                assertThat(x).isInstanceOf(RecordingArpSender.GratuitousArp.class);
                RecordingArpSender.GratuitousArp g = (RecordingArpSender.GratuitousArp) x;
                assertThat(g.interfaceName()).isEqualTo("vrrp.51");
                assertThat(g.mac()).isEqualTo(MacAddress.vrrpIpv4(51));
            });
            assertThat(a.sysctl.values()).containsEntry("net/ipv4/conf/vrrp.51/arp_ignore", "1")
                    .containsEntry("net/ipv4/conf/vrrp.51/arp_filter", "0")
                    .containsEntry("net/ipv4/conf/vrrp.51/accept_local", "1")
                    .containsEntry("net/ipv6/conf/vrrp.51/disable_ipv6", "1")
                    .containsEntry("net/ipv4/conf/eth0/arp_ignore", "1")
                    .containsEntry("net/ipv4/conf/eth0/arp_announce", "2");
            assertThat(a.engine.status().get(0)).containsEntry("vmac", "vrrp.51");

            a.engine.apply(spec(List.of(), List.of()));
            assertThat(a.linkControl.indexOf("vrrp.51")).isZero();
            assertThat(a.sysctl.values()).as("the base interface's parameters restored").containsEntry(
                    "net/ipv4/conf/eth0/arp_ignore", "0").containsEntry("net/ipv4/conf/eth0/arp_announce", "0");
            await("b takes over", () -> b.holds("10.0.0.100"));
        }
    }
}
