package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import static dev.vigil.kernel.vrrp.FakeVrrpNetworkTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VrrpSocketOptionsTest {
    @Test
    void defaults() {
        VrrpSocketOptions o = VrrpSocketOptions.builder(IpFamily.V4, "eth0").build();
        assertThat(o.unicastTtl()).isEqualTo(255);
        assertThat(o.bindToDevice()).isTrue();
        assertThat(o.multicastLoop()).isFalse();
        assertThat(o.dropInvalidTtl()).isFalse();
        assertThat(o.source()).isEmpty();
        assertThat(o.interfaceLabel()).isEqualTo("eth0");
        assertThat(VrrpSocketOptions.builder(IpFamily.V6, 7).build().interfaceLabel()).isEqualTo("#7");
    }

    @Test
    void rejectsInconsistentOptions() {
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V4, 0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V4, "a-very-long-ifname").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V4, "eth0").sourceAddress(ip("fd00::1")).build())
                .hasMessageContaining("is not V4");
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V4, "eth0").bindSource(true).build())
                .hasMessageContaining("bindSource");
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V4, "eth0").unicastTtl(0).build())
                .hasMessageContaining("1..255");
        assertThatThrownBy(() -> VrrpSocketOptions.builder(IpFamily.V6, "eth0").sourceAddress(ip("ff02::12")).build())
                .hasMessageContaining("multicast");
    }

    @Test
    void familyGroups() {
        assertThat(IpFamily.V4.vrrpGroup()).isEqualTo(ip("224.0.0.18"));
        assertThat(IpFamily.V6.vrrpGroup()).isEqualTo(ip("ff02::12"));
        assertThat(IpFamily.of(ip("fe80::1"))).isEqualTo(IpFamily.V6);
        assertThat(IpFamily.V4.matches(ip("10.0.0.1"))).isTrue();
    }
}
