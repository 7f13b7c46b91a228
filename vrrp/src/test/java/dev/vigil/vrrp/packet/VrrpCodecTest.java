package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.InetChecksum;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VrrpCodecTest {
    static final HexFormat HEX = HexFormat.of();
    static final InetAddress SRC4 = ip("192.0.2.1");
    static final InetAddress GROUP4 = IpFamily.V4.vrrpGroup();
    static final InetAddress SRC6 = ip("fe80::1");
    static final InetAddress GROUP6 = IpFamily.V6.vrrpGroup();

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static VrrpAdvert decodeOk(byte[] bytes, IpFamily family, InetAddress src, InetAddress dst) {
        DecodeResult r = VrrpCodec.decode(bytes, family, src, dst);
        assertThat(r).isInstanceOf(DecodeResult.Ok.class);
        return ((DecodeResult.Ok) r).advert();
    }

    static DecodeResult.Malformed decodeBad(byte[] bytes, IpFamily family, InetAddress src, InetAddress dst) {
        DecodeResult r = VrrpCodec.decode(bytes, family, src, dst);
        assertThat(r).isInstanceOf(DecodeResult.Malformed.class);
        return (DecodeResult.Malformed) r;
    }

    @Test
    void v2PassLayoutAndRoundTrip() {
        VrrpAdvert a = VrrpAdvert.v2(7, 100, 1, AuthType.PASS, "pw", List.of(ip("192.0.2.10"), ip("192.0.2.11")));
        byte[] b = VrrpCodec.encode(a, SRC4, GROUP4);
        assertThat(HEX.formatHex(b)).startsWith("21076402" + "0101").hasSize(2 * (8 + 8 + 8))
                .endsWith("c000020a" + "c000020b" + "7077000000000000");
        assertThat(InetChecksum.of(b, 0, b.length)).as("v2 checksum covers the message").isZero();
        VrrpAdvert back = decodeOk(b, IpFamily.V4, SRC4, GROUP4);
        assertThat(back).isEqualTo(a);
        assertThat(back.advertIntervalCentis()).isEqualTo(100);
        assertThat(back.authData()).containsExactly('p', 'w', 0, 0, 0, 0, 0, 0);
    }

    @Test
    void v2WithoutAuthCarriesEightZeroBytesAndDecodesToEmptyAuthData() {
        VrrpAdvert a = VrrpAdvert.v2(255, 0, 255, AuthType.NONE, null, List.of(ip("10.0.0.1")));
        byte[] b = VrrpCodec.encode(a, null, null);
        assertThat(HEX.formatHex(b)).startsWith("21ff0001" + "00ff").endsWith("0a000001" + "0000000000000000");
        VrrpAdvert back = decodeOk(b, IpFamily.V4, SRC4, GROUP4);
        assertThat(back).isEqualTo(a);
        assertThat(back.authData()).isEmpty();
        assertThat(back.advertIntervalCentis()).isEqualTo(25500);
        assertThat(back.priority()).isZero();
    }

    @Test
    void v3Ipv4ChecksumCoversThePseudoHeader() {
        VrrpAdvert a = VrrpAdvert.v3(42, 255, 4095, List.of(ip("198.51.100.7")));
        byte[] b = VrrpCodec.encode(a, SRC4, GROUP4);
        assertThat(HEX.formatHex(b)).startsWith("312aff01" + "0fff").endsWith("c6336407").hasSize(2 * 12);
        byte[] pseudo = HEX.parseHex("c0000201" + "e0000012" + "0070" + "000c" + HEX.formatHex(b));
        assertThat(InetChecksum.of(pseudo, 0, pseudo.length)).isZero();
        assertThat(decodeOk(b, IpFamily.V4, SRC4, GROUP4)).isEqualTo(a);
        assertThat(decodeBad(b, IpFamily.V4, SRC4, ip("192.0.2.2")).reason())
                .as("another destination changes the pseudo-header").isEqualTo(DropReason.BAD_CHECKSUM);
        assertThat(decodeBad(b, IpFamily.V4, ip("192.0.2.3"), GROUP4).reason()).isEqualTo(DropReason.BAD_CHECKSUM);
    }

    @Test
    void v3Ipv6LeavesTheChecksumToTheKernel() {
        VrrpAdvert a = VrrpAdvert.v3(1, 100, 100, List.of(ip("fe80::100"), ip("2001:db8::1")));
        byte[] b = VrrpCodec.encode(a, SRC6, GROUP6);
        assertThat(HEX.formatHex(b)).isEqualTo("31016402" + "0064" + "0000" + "fe800000000000000000000000000100"
                + "20010db8000000000000000000000001");
        assertThat(decodeOk(b, IpFamily.V6, SRC6, GROUP6)).isEqualTo(a);
        b[7] = 0x55;
        assertThat(decodeOk(b, IpFamily.V6, SRC6, GROUP6)).as("not re-checked over IPv6").isEqualTo(a);
    }

    @Test
    void v3WithoutAddressesTakesItsFamilyFromTheDestination() {
        VrrpAdvert a = VrrpAdvert.v3(3, 100, 100, List.of());
        assertThat(a.family()).isEqualTo(IpFamily.V4);
        assertThat(a.familyOr(IpFamily.V6)).isEqualTo(IpFamily.V6);
        assertThat(VrrpCodec.encode(a, SRC6, GROUP6)).hasSize(8);
        assertThat(decodeOk(VrrpCodec.encode(a, SRC6, GROUP6), IpFamily.V6, SRC6, GROUP6)).isEqualTo(a);
        assertThat(decodeOk(VrrpCodec.encode(a, SRC4, GROUP4), IpFamily.V4, SRC4, GROUP4)).isEqualTo(a);
    }

    @Test
    void encodeRefusesWhatCannotBeSent() {
        VrrpAdvert v4 = VrrpAdvert.v3(3, 100, 100, List.of(ip("10.0.0.1")));
        assertThatThrownBy(() -> VrrpCodec.encode(v4, SRC6, GROUP6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpCodec.encode(v4, null, GROUP4)).isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> VrrpCodec.encode(v4, SRC4, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tooShort() {
        assertThat(decodeBad(new byte[0], IpFamily.V4, SRC4, GROUP4).reason()).isEqualTo(DropReason.TOO_SHORT);
        assertThat(decodeBad(HEX.parseHex("31016400006400"), IpFamily.V6, SRC6, GROUP6).reason())
                .isEqualTo(DropReason.TOO_SHORT);
    }

    @Test
    void badVersion() {
        byte[] v3 = VrrpCodec.encode(VrrpAdvert.v3(1, 100, 100, List.of(ip("fe80::1"))), SRC6, GROUP6);
        for (int version : new int[] {0, 1, 4, 15}) {
            byte[] b = v3.clone();
            b[0] = (byte) (version << 4 | 1);
            assertThat(decodeBad(b, IpFamily.V6, SRC6, GROUP6).reason()).isEqualTo(DropReason.BAD_VERSION);
        }
        byte[] v2OverV6 = v3.clone();
        v2OverV6[0] = 0x21;
        DecodeResult.Malformed m = decodeBad(v2OverV6, IpFamily.V6, SRC6, GROUP6);
        assertThat(m.reason()).isEqualTo(DropReason.BAD_VERSION);
        assertThat(m.detail()).contains("version 2 over V6");
    }

    @Test
    void badType() {
        byte[] b = VrrpCodec.encode(VrrpAdvert.v3(1, 100, 100, List.of(ip("fe80::1"))), SRC6, GROUP6);
        for (int type : new int[] {0, 2, 15}) {
            b[0] = (byte) (0x30 | type);
            assertThat(decodeBad(b, IpFamily.V6, SRC6, GROUP6).reason()).isEqualTo(DropReason.BAD_TYPE);
        }
    }

    @Test
    void badChecksum() {
        byte[] v2 = VrrpCodec.encode(VrrpAdvert.v2(9, 100, 1, AuthType.NONE, null, List.of(ip("10.0.0.1"))),
                SRC4, GROUP4);
        v2[2] ^= 1;
        assertThat(decodeBad(v2, IpFamily.V4, SRC4, GROUP4).reason()).isEqualTo(DropReason.BAD_CHECKSUM);
        byte[] v3 = VrrpCodec.encode(VrrpAdvert.v3(9, 100, 100, List.of(ip("10.0.0.1"))), SRC4, GROUP4);
        v3[7] ^= 0x10;
        DecodeResult.Malformed m = decodeBad(v3, IpFamily.V4, SRC4, GROUP4);
        assertThat(m.reason()).isEqualTo(DropReason.BAD_CHECKSUM);
        assertThat(m.detail()).contains("pseudo-header 192.0.2.1 > 224.0.0.18");
    }

    @Test
    void countThatDisagreesWithTheLength() {
        byte[] v3 = VrrpCodec.encode(VrrpAdvert.v3(1, 100, 100, List.of(ip("fe80::1"), ip("fe80::2"))), SRC6, GROUP6);
        v3[3] = 3;
        assertThat(decodeBad(v3, IpFamily.V6, SRC6, GROUP6).reason()).isEqualTo(DropReason.BAD_LENGTH);
        v3[3] = 1;
        assertThat(decodeBad(v3, IpFamily.V6, SRC6, GROUP6).reason()).isEqualTo(DropReason.BAD_LENGTH);
        byte[] v4Addresses = VrrpCodec.encode(VrrpAdvert.v3(1, 100, 100,
                List.of(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"), ip("10.0.0.4"))), SRC4, GROUP4);
        assertThat(decodeBad(v4Addresses, IpFamily.V6, SRC6, GROUP6).reason())
                .as("16 bytes are one IPv6 address, not four").isEqualTo(DropReason.BAD_LENGTH);

        byte[] v2 = VrrpCodec.encode(VrrpAdvert.v2(9, 100, 1, AuthType.NONE, null, List.of(ip("10.0.0.1"))),
                null, null);
        v2[3] = 2;
        fixV2Checksum(v2);
        DecodeResult.Malformed m = decodeBad(v2, IpFamily.V4, SRC4, GROUP4);
        assertThat(m.reason()).isEqualTo(DropReason.BAD_LENGTH);
        assertThat(m.detail()).isEqualTo("20 bytes, but 2 V4 addresses and authentication data need 24");
        byte[] noAuthData = Arrays.copyOf(v2, 12);
        noAuthData[3] = 1;
        fixV2Checksum(noAuthData);
        assertThat(decodeBad(noAuthData, IpFamily.V4, SRC4, GROUP4).reason()).isEqualTo(DropReason.BAD_LENGTH);
    }

    @Test
    void vridZeroAndUnknownAuthTypeAreMalformed() {
        byte[] v2 = VrrpCodec.encode(VrrpAdvert.v2(9, 100, 1, AuthType.NONE, null, List.of(ip("10.0.0.1"))),
                null, null);
        byte[] vrid0 = v2.clone();
        vrid0[1] = 0;
        fixV2Checksum(vrid0);
        assertThat(decodeBad(vrid0, IpFamily.V4, SRC4, GROUP4).reason()).isEqualTo(DropReason.WRONG_VRID);
        byte[] auth3 = v2.clone();
        auth3[4] = 3;
        fixV2Checksum(auth3);
        assertThat(decodeBad(auth3, IpFamily.V4, SRC4, GROUP4).reason()).isEqualTo(DropReason.BAD_AUTH_TYPE);
    }

    @Test
    void v3ReservedBitsAreIgnored() {
        byte[] b = VrrpCodec.encode(VrrpAdvert.v3(1, 100, 0x123, List.of(ip("fe80::1"))), SRC6, GROUP6);
        b[4] |= (byte) 0xf0;
        assertThat(decodeOk(b, IpFamily.V6, SRC6, GROUP6).advertIntervalCentis()).isEqualTo(0x123);
    }

    @Test
    void ipv4MappedAddressesStayIpv6() {
        byte[] b = HEX.parseHex("31016401" + "0064" + "0000" + "00000000000000000000ffff0a000001");
        assertThat(decodeOk(b, IpFamily.V6, SRC6, GROUP6).family()).isEqualTo(IpFamily.V6);
    }

    static void fixV2Checksum(byte[] b) {
        b[6] = 0;
        b[7] = 0;
        int sum = InetChecksum.of(b, 0, b.length);
        b[6] = (byte) (sum >>> 8);
        b[7] = (byte) sum;
    }
}
