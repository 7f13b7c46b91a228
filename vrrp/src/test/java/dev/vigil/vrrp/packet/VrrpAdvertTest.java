package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static dev.vigil.vrrp.packet.VrrpCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VrrpAdvertTest {
    @Test
    void passwordIsZeroPaddedOrTruncatedToEightBytes() {
        assertThat(VrrpAdvert.v2(1, 1, 1, AuthType.PASS, "abc", List.of()).authData())
                .containsExactly('a', 'b', 'c', 0, 0, 0, 0, 0);
        assertThat(VrrpAdvert.v2(1, 1, 1, AuthType.PASS, "abcdefghij", List.of()).authData())
                .containsExactly('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
        assertThat(VrrpAdvert.v2(1, 1, 1, AuthType.NONE, "ignored", List.of()).authData()).isEmpty();
    }

    @Test
    void equalityFollowsAuthDataContentAndCopiesAreDefensive() {
        byte[] data = VrrpAdvert.passwordBytes("secret");
        List<InetAddress> addresses = new ArrayList<>(List.of(ip("10.0.0.1")));
        VrrpAdvert a = new VrrpAdvert(2, 5, 100, 300, AuthType.PASS, data, addresses);
        VrrpAdvert b = VrrpAdvert.v2(5, 100, 3, AuthType.PASS, "secret", List.of(ip("10.0.0.1")));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        data[0] = 'X';
        addresses.add(ip("10.0.0.2"));
        assertThat(a).isEqualTo(b);
        a.authData()[1] = 'Y';
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(VrrpAdvert.v2(5, 100, 3, AuthType.PASS, "secreT", List.of(ip("10.0.0.1"))));
        assertThat(a.toString()).doesNotContain("secret").contains("vrid 5", "10.0.0.1");
    }

    @Test
    void familyOfTheAddresses() {
        assertThat(VrrpAdvert.v3(1, 1, 1, List.of(ip("fd00::1"))).family()).isEqualTo(IpFamily.V6);
        assertThat(VrrpAdvert.v3(1, 1, 1, List.of(ip("10.0.0.1"))).familyOr(IpFamily.V6)).isEqualTo(IpFamily.V4);
        assertThat(VrrpAdvert.v2(1, 1, 1, AuthType.NONE, null, List.of()).familyOr(IpFamily.V6))
                .isEqualTo(IpFamily.V4);
    }

    @Test
    void invalidValuesAreRefused() {
        List<InetAddress> v4 = List.of(ip("10.0.0.1"));
        assertThatThrownBy(() -> VrrpAdvert.v3(0, 1, 1, v4)).hasMessageContaining("vrid");
        assertThatThrownBy(() -> VrrpAdvert.v3(256, 1, 1, v4)).hasMessageContaining("vrid");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 256, 1, v4)).hasMessageContaining("priority");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 1, 4096, v4)).hasMessageContaining("interval");
        assertThatThrownBy(() -> VrrpAdvert.v2(1, 1, 256, AuthType.NONE, null, v4)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new VrrpAdvert(2, 1, 1, 150, AuthType.NONE, new byte[0], v4))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new VrrpAdvert(4, 1, 1, 100, AuthType.NONE, new byte[0], v4))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new VrrpAdvert(3, 1, 1, 100, AuthType.PASS, new byte[8], v4))
                .hasMessageContaining("no authentication");
        assertThatThrownBy(() -> new VrrpAdvert(2, 1, 1, 100, AuthType.PASS, new byte[7], v4))
                .hasMessageContaining("8 bytes");
        assertThatThrownBy(() -> VrrpAdvert.v2(1, 1, 1, AuthType.NONE, null, List.of(ip("fd00::1"))))
                .hasMessageContaining("IPv4 addresses only");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 1, 1, List.of(ip("fd00::1"), ip("10.0.0.1"))))
                .hasMessageContaining("one family");
        assertThatThrownBy(() -> VrrpAdvert.v2(1, 1, 1, AuthType.PASS, null, v4)).hasMessage("password");
    }

    @Test
    void authTypeWireValues() {
        assertThat(AuthType.ofWire(0)).isEqualTo(AuthType.NONE);
        assertThat(AuthType.ofWire(1)).isEqualTo(AuthType.PASS);
        assertThat(AuthType.ofWire(2)).isEqualTo(AuthType.AH);
        assertThat(AuthType.AH.wireValue()).isEqualTo(2);
        assertThatThrownBy(() -> AuthType.ofWire(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
