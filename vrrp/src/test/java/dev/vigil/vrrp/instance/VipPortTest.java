package dev.vigil.vrrp.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.vrrp.fsm.VrrpState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses handed to a VIP port instead of the address table, and the record of the ones added to it. */
class VipPortTest {
    private static final InetAddress VIP = FakeLan.ip("10.0.0.100");

    /** Records every call, as "node op instance vips". */
    static final class RecordingPort implements VipPort {
        final String node;
        final List<String> calls;

        RecordingPort(String node, List<String> calls) {
            this.node = node;
            this.calls = calls;
        }

        @Override
        public void add(String instance, List<Vip> vips) {
            calls.add(node + " add " + instance + " " + vips);
        }

        @Override
        public void remove(String instance, List<Vip> vips) {
            calls.add(node + " remove " + instance + " " + vips);
        }
    }

    @Test
    void aDelegatedInstanceHandsItsAddressesToThePortAndAnnouncesNothing() {
        List<String> calls = new ArrayList<>();
        FakeLan lan = new FakeLan();
        InstanceSpec spec = Specs.v3("VI_1", 150, 100).withVipBackend("exec {add=x;remove=y;}");
        FakeLan.Node a = lan.add("a", "10.0.0.1", spec, new RecordingPort("a", calls), AddressRecord.NONE);
        FakeLan.Node b = lan.add("b", "10.0.0.2", Specs.v3("VI_1", 100, 100).withVipBackend("exec"),
                new RecordingPort("b", calls), AddressRecord.NONE);
        lan.start(a);
        lan.start(b);
        lan.run(Duration.ofSeconds(5));
        assertThat(a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(a.holds(VIP)).as("the kernel table of a delegated instance").isFalse();
        assertThat(a.arp.sent()).as("announcements of addresses placed elsewhere").isEmpty();
        assertThat(calls).contains("a add VI_1 [10.0.0.100/24 dev eth0]", "b remove VI_1 [10.0.0.100/24 dev eth0]")
                .doesNotContain("b add VI_1 [10.0.0.100/24 dev eth0]");

        a.clock.execute(a.runner::stop);
        lan.runUntil(Duration.ofSeconds(3), () -> b.state() == VrrpState.MASTER);
        assertThat(calls).endsWith("a remove VI_1 [10.0.0.100/24 dev eth0]", "b add VI_1 [10.0.0.100/24 dev eth0]");
    }

    @Test
    void anAddressIsRecordedBeforeItIsAddedAndForgottenAfterItIsRemoved() {
        List<String> events = new ArrayList<>();
        FakeLan lan = new FakeLan();
        FakeLan.Node[] self = new FakeLan.Node[1];
        AddressRecord record = new AddressRecord() {
            @Override
            public void adding(String instance, List<Vip> vips) {
                events.add("adding " + instance + " " + vips + " present=" + self[0].holds(VIP));
            }

            @Override
            public void removed(String instance, List<Vip> vips) {
                events.add("removed " + instance + " " + vips + " present=" + self[0].holds(VIP));
            }
        };
        self[0] = lan.add("a", "10.0.0.1", Specs.v3("VI_1", 150, 100), null, record);
        lan.start(self[0]);
        lan.run(Duration.ofSeconds(5));
        assertThat(self[0].holds(VIP)).isTrue();
        self[0].clock.execute(self[0].runner::stop);
        lan.run(Duration.ofMillis(10));
        assertThat(events).containsExactly(
                "removed VI_1 [10.0.0.100/24 dev eth0] present=false",
                "adding VI_1 [10.0.0.100/24 dev eth0] present=false",
                "removed VI_1 [10.0.0.100/24 dev eth0] present=false");
    }
}
