package dev.vigil.kernel.arp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacAddressTest {
    @Test
    void parsesAndPrints() {
        MacAddress m = MacAddress.parse("02:00:00:00:0A:01");
        assertThat(m).hasToString("02:00:00:00:0a:01");
        assertThat(MacAddress.parse("02-00-00-00-0a-01")).isEqualTo(m);
        assertThat(MacAddress.of(m.bytes())).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(MacAddress.BROADCAST).hasToString("ff:ff:ff:ff:ff:ff");
    }

    @Test
    void vrrpVirtualMacs() {
        assertThat(MacAddress.vrrpIpv4(51)).hasToString("00:00:5e:00:01:33");
        assertThat(MacAddress.vrrpIpv6(255)).hasToString("00:00:5e:00:02:ff");
        assertThatThrownBy(() -> MacAddress.vrrpIpv4(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.vrrpIpv6(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformed() {
        assertThatThrownBy(() -> MacAddress.parse("02:00:00:00:0a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.parse("02:00:00:00:0a:101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.parse("zz:00:00:00:0a:01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
