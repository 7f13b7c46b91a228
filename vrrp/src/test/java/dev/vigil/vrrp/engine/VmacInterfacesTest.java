package dev.vigil.vrrp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.MacAddress;
import dev.vigil.kernel.rtnl.AddressFlag;
import dev.vigil.kernel.rtnl.FakeAddressTable;
import dev.vigil.kernel.rtnl.FakeLinkControl;
import dev.vigil.kernel.rtnl.FakeLinkMonitor;
import dev.vigil.kernel.rtnl.IfAddress;
import dev.vigil.kernel.rtnl.Scope;
import dev.vigil.kernel.sysctl.FakeSysctl;
import dev.vigil.vrrp.instance.GarpPolicy;
import dev.vigil.vrrp.instance.InstanceSpec;
import dev.vigil.vrrp.instance.Vip;
import dev.vigil.vrrp.instance.VmacLink;
import dev.vigil.vrrp.instance.VmacSpec;
import dev.vigil.vrrp.notify.NotifyCommands;
import dev.vigil.vrrp.packet.AuthType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The macvlan of use_vmac: IPv6 link-local handling, and the base interface's parameters restored by the last one. */
class VmacInterfacesTest {
    private final FakeLinkMonitor monitor = new FakeLinkMonitor();
    private final FakeAddressTable addresses = new FakeAddressTable(monitor);
    private final FakeLinkControl links = new FakeLinkControl().addExisting("lo", 1).addExisting("eth0", 2);
    private final FakeSysctl sysctl = new FakeSysctl();
    private final VmacInterfaces vmacs = new VmacInterfaces(links, sysctl, addresses);

    VmacInterfacesTest() {
        monitor.putLink(FakeLinkMonitor.upLink(2, "eth0"));
        sysctl.write("net/ipv4/conf/eth0/arp_ignore", "0");
        sysctl.write("net/ipv4/conf/eth0/arp_announce", "0");
    }

    private static InstanceSpec spec(String name, int vrid, IpFamily family) {
        String vip = family == IpFamily.V4 ? "10.0.0." + vrid + "/24" : "fd00::" + vrid + "/64";
        MacAddress mac = family == IpFamily.V4 ? MacAddress.vrrpIpv4(vrid) : MacAddress.vrrpIpv6(vrid);
        return new InstanceSpec(name, "eth0", 2, family, 3, vrid, 100, 100, true, Duration.ZERO, false, AuthType.NONE,
                null, List.of(new Vip(IfAddress.of(2, vip), "eth0", true)), List.of(), List.of(), null, List.of(), 255,
                false, GarpPolicy.defaults(), false, false, false, false, true, List.of(), NotifyCommands.NONE,
                Duration.ofSeconds(5)).withVmac(new VmacSpec(VmacSpec.defaultName(vrid), mac, false));
    }

    /** Makes the macvlan the next create makes (index 3, 4, ...) exist for the address table. */
    private void expect(int index, String name) {
        monitor.putLink(FakeLinkMonitor.upLink(index, name));
    }

    @Test
    void ipv6VmacHasTheIpv6VirtualMacAndTheBaseLinkLocalInsteadOfAGeneratedOne() {
        addresses.add(new IfAddress(2, VrrpEngineTest.ip("fe80::1:2"), 64, null, Scope.LINK, null, Set.of()));
        expect(3, "vrrp.52");
        VmacLink link = vmacs.create(spec("V6", 52, IpFamily.V6));

        assertThat(links.link("vrrp.52")).hasValueSatisfying(l -> {
            assertThat(l.macvlan().mac()).isEqualTo(MacAddress.parse("00:00:5e:00:02:34"));
            assertThat(l.up()).isTrue();
        });
        assertThat(sysctl.values()).containsEntry("net/ipv6/conf/vrrp.52/addr_gen_mode", "1")
                .containsEntry("net/ipv6/conf/vrrp.52/router_solicitations", "0")
                .doesNotContainKey("net/ipv6/conf/vrrp.52/disable_ipv6")
                .containsEntry("net/ipv4/conf/eth0/arp_ignore", "0");
        assertThat(addresses.list(link.index())).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo(VrrpEngineTest.ip("fe80::1:2"));
            assertThat(a.prefixLength()).isEqualTo(64);
            assertThat(a.has(AddressFlag.NODAD)).isTrue();
        });
        assertThat(vmacs.baseUsers("eth0")).isZero();
    }

    @Test
    void theLastIpv4VmacOnAnInterfaceRestoresItsArpParameters() {
        expect(3, "vrrp.51");
        VmacLink first = vmacs.create(spec("A", 51, IpFamily.V4));
        expect(4, "vrrp.53");
        VmacLink second = vmacs.create(spec("B", 53, IpFamily.V4));
        assertThat(sysctl.values()).containsEntry("net/ipv4/conf/eth0/arp_ignore", "1")
                .containsEntry("net/ipv4/conf/eth0/arp_announce", "2")
                .containsEntry("net/ipv6/conf/vrrp.51/disable_ipv6", "1");
        assertThat(vmacs.baseUsers("eth0")).isEqualTo(2);

        vmacs.delete(spec("A", 51, IpFamily.V4), first);
        assertThat(sysctl.values()).containsEntry("net/ipv4/conf/eth0/arp_ignore", "1");
        assertThat(links.indexOf("vrrp.51")).isZero();

        vmacs.delete(spec("B", 53, IpFamily.V4), second);
        assertThat(sysctl.values()).containsEntry("net/ipv4/conf/eth0/arp_ignore", "0")
                .containsEntry("net/ipv4/conf/eth0/arp_announce", "0");
        assertThat(vmacs.baseUsers("eth0")).isZero();
    }

    @Test
    void aValueChangedMeanwhileIsNotRestoredAndOneAlreadySetIsNotTouched() {
        sysctl.write("net/ipv4/conf/eth0/arp_announce", "2");
        expect(3, "vrrp.51");
        VmacLink link = vmacs.create(spec("A", 51, IpFamily.V4));
        sysctl.write("net/ipv4/conf/eth0/arp_ignore", "2");
        vmacs.delete(spec("A", 51, IpFamily.V4), link);
        assertThat(sysctl.values()).containsEntry("net/ipv4/conf/eth0/arp_ignore", "2")
                .containsEntry("net/ipv4/conf/eth0/arp_announce", "2");
    }
}
