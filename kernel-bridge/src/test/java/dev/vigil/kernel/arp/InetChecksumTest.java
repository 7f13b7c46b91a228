package dev.vigil.kernel.arp;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static dev.vigil.kernel.arp.ArpFramesTest.v6;
import static org.assertj.core.api.Assertions.assertThat;

class InetChecksumTest {
    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2; the checksum is its complement.
        byte[] b = HexFormat.of().parseHex("0001f203f4f5f6f7");
        assertThat(InetChecksum.of(b, 0, b.length)).isEqualTo(~0xddf2 & 0xffff);
    }

    @Test
    void oddLengthPadsWithZero() {
        assertThat(InetChecksum.of(new byte[] {1, 2, 3}, 0, 3)).isEqualTo(~0x0402 & 0xffff);
    }

    @Test
    void ipv6PseudoHeaderOfAValidPacketVerifiesToZero() throws Exception {
        // keepalived's VRRPv3 advert: fe80::ff:fe00:a01 > ff02::12, vrid 52, checksum 333d.
        byte[] vrrp = HexFormat.of().parseHex("313496010064333dfd000009000000000000000000000100");
        assertThat(InetChecksum.ipv6(v6("fe80::ff:fe00:a01"), v6("ff02::12"), 112, vrrp, 0, vrrp.length)).isZero();
    }
}
