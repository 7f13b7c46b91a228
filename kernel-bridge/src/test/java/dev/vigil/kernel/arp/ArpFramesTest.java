package dev.vigil.kernel.arp;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden frames: the expected bytes are keepalived 2.2.7's own frames, captured with
 * {@code tcpdump -e -xx} on the peer end of a veth (VIP 10.9.0.100 / fd00:9::100, interface MAC
 * 02:00:00:00:0a:01, VRIDs 51 and 52; the "vmac" frames with {@code use_vmac}).
 */
class ArpFramesTest {
    static final HexFormat HEX = HexFormat.of();
    static final MacAddress IF_MAC = MacAddress.parse("02:00:00:00:0a:01");

    static final String GARP = "ffffffffffff" + "02000000" + "0a01" + "0806"
            + "0001" + "0800" + "06" + "04" + "0001"
            + "020000000a01" + "0a090064" + "ffffffffffff" + "0a090064";
    static final String GARP_VMAC = "ffffffffffff" + "00005e000133" + "0806"
            + "0001" + "0800" + "06" + "04" + "0001"
            + "00005e000133" + "0a090064" + "ffffffffffff" + "0a090064";
    static final String NA = "333300000001" + "020000000a01" + "86dd"
            + "60000000" + "0020" + "3a" + "ff" + "fd000009000000000000000000000100" + "ff020000000000000000000000000001"
            + "88" + "00" + "4e8b" + "20000000" + "fd000009000000000000000000000100" + "0201" + "020000000a01";
    static final String NA_VMAC = "333300000001" + "00005e000234" + "86dd"
            + "60000000" + "0020" + "3a" + "ff" + "fd000009000000000000000000000100" + "ff020000000000000000000000000001"
            + "88" + "00" + "fa57" + "20000000" + "fd000009000000000000000000000100" + "0201" + "00005e000234";

    static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    static Inet6Address v6(String s) throws Exception {
        return (Inet6Address) InetAddress.getByName(s);
    }

    @Test
    void gratuitousArpMatchesKeepalived() throws Exception {
        byte[] f = ArpFrames.gratuitousArp(IF_MAC, v4("10.9.0.100"));
        assertThat(HEX.formatHex(f)).isEqualTo(GARP);
        assertThat(f).hasSize(ArpFrames.GARP_LENGTH);
    }

    @Test
    void gratuitousArpFromVirtualMacMatchesKeepalived() throws Exception {
        assertThat(HEX.formatHex(ArpFrames.gratuitousArp(MacAddress.vrrpIpv4(51), v4("10.9.0.100"))))
                .isEqualTo(GARP_VMAC);
    }

    @Test
    void neighborAdvertisementMatchesKeepalivedIncludingChecksum() throws Exception {
        byte[] f = ArpFrames.unsolicitedNa(IF_MAC, v6("fd00:9::100"), false);
        assertThat(HEX.formatHex(f)).isEqualTo(NA);
        assertThat(f).hasSize(ArpFrames.NA_LENGTH);
    }

    @Test
    void neighborAdvertisementFromVirtualMacMatchesKeepalived() throws Exception {
        assertThat(HEX.formatHex(ArpFrames.unsolicitedNa(MacAddress.vrrpIpv6(52), v6("fd00:9::100"), false)))
                .isEqualTo(NA_VMAC);
    }

    @Test
    void routerFlagIsSetAndTheChecksumStillVerifies() throws Exception {
        byte[] f = ArpFrames.unsolicitedNa(IF_MAC, v6("fd00:9::100"), true);
        assertThat(f[14 + 40 + 4] & 0xff).isEqualTo(0xa0);
        assertThat(onesComplementOverPseudoHeader(f)).isEqualTo(0xffff);
    }

    /** Independent check: the 16-bit one's complement sum of pseudo-header and ICMPv6 is all ones. */
    private static int onesComplementOverPseudoHeader(byte[] f) {
        long sum = 0;
        for (int i = 22; i < 54; i += 2) {
            sum += (f[i] & 0xff) << 8 | f[i + 1] & 0xff;
        }
        sum += 32 + 58;
        for (int i = 54; i < f.length; i += 2) {
            sum += (f[i] & 0xff) << 8 | f[i + 1] & 0xff;
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    @Test
    void ipv6MulticastMac() throws Exception {
        assertThat(ArpFrames.multicastMac(v6("ff02::1"))).hasToString("33:33:00:00:00:01");
        assertThat(ArpFrames.multicastMac(v6("ff02::1:ff00:100"))).hasToString("33:33:ff:00:01:00");
    }
}
