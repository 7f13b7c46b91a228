package dev.vigil.kernel.vrrp;

import dev.vigil.kernel.libc.Cmsg;
import dev.vigil.kernel.libc.MsgHdr;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.List;

import static dev.vigil.kernel.vrrp.FakeVrrpNetworkTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

/** Parsing of what recvmsg returns, from bytes captured off the wire (keepalived 2.2.7 adverts). */
class ReceivedPacketParsingTest {
    private static final HexFormat HEX = HexFormat.of();
    /** IPv4 datagram of a VRRPv2 advert from 10.9.0.1, vrid 51, prio 150, VIP 10.9.0.100 (tcpdump -xx). */
    private static final String V4_ADVERT = "45c000280001" + "0000ff70d0880a090001e0000012"
            + "213396010001" + "3e5d0a0900640000000000000000";

    @Test
    void ipv4DatagramHeaderIsParsedAndStripped() {
        ReceivedPacket p = Inet4Ops.parseDatagram(HEX.parseHex(V4_ADVERT), 4);
        assertThat(p.source()).isEqualTo(ip("10.9.0.1"));
        assertThat(p.destination()).isEqualTo(ip("224.0.0.18"));
        assertThat(p.ttl()).isEqualTo(255);
        assertThat(p.interfaceIndex()).isEqualTo(4);
        assertThat(HEX.formatHex(p.payload())).isEqualTo("213396010001" + "3e5d0a0900640000000000000000");
    }

    @Test
    void malformedIpv4IsRejected() {
        assertThat(Inet4Ops.parseDatagram(new byte[10], 1)).isNull();
        assertThat(Inet4Ops.parseDatagram(HEX.parseHex("60" + V4_ADVERT.substring(2)), 1)).isNull();
        assertThat(Inet4Ops.parseDatagram(HEX.parseHex("4f" + V4_ADVERT.substring(2)), 1)).isNull();
    }

    @Test
    void ipv4InterfaceComesFromPktinfo() {
        byte[] pktinfo = new byte[12];
        pktinfo[0] = 9; // ipi_ifindex, host order (little endian)
        ReceivedPacket p = new Inet4Ops().parse(HEX.parseHex(V4_ADVERT), new byte[16],
                List.of(new Cmsg(0, 8, pktinfo)), 4);
        assertThat(p.interfaceIndex()).isEqualTo(9);
    }

    @Test
    void ipv6SourceDestinationHopLimitAndInterfaceComeFromNameAndControl() {
        byte[] name = SockAddr.in6((Inet6Address) ip("fe80::ff:fe00:a01"), 5);
        byte[] pktinfo = new byte[20];
        System.arraycopy(ip("ff02::12").getAddress(), 0, pktinfo, 0, 16);
        pktinfo[16] = 5;
        byte[] hops = {(byte) 255, 0, 0, 0};
        byte[] control = MsgHdr.encodeControl(List.of(new Cmsg(41, 50, pktinfo), new Cmsg(41, 52, hops)));
        List<Cmsg> decoded = MsgHdr.decodeControl(control, control.length);
        assertThat(control).hasSize(Cmsg.space(20) + Cmsg.space(4));

        ReceivedPacket p = new Inet6Ops().parse(new byte[] {0x31, 0x34}, name, decoded, 1);
        assertThat(p.source()).isEqualTo(ip("fe80::ff:fe00:a01"));
        assertThat(((Inet6Address) p.source()).getScopeId()).isEqualTo(5);
        assertThat(p.destination()).isEqualTo(ip("ff02::12"));
        assertThat(p.ttl()).isEqualTo(255);
        assertThat(p.interfaceIndex()).isEqualTo(5);
    }

    @Test
    void sockaddrLayouts() {
        assertThat(HEX.formatHex(SockAddr.in((java.net.Inet4Address) ip("224.0.0.18"))))
                .isEqualTo("0200" + "0000" + "e0000012" + "0000000000000000");
        assertThat(HEX.formatHex(SockAddr.in6((Inet6Address) ip("fd00::2"), 3)))
                .as("global unicast: no scope id").endsWith("fd000000000000000000000000000002" + "00000000");
        assertThat(HEX.formatHex(SockAddr.in6((Inet6Address) ip("ff02::12"), 3)))
                .startsWith("0a00" + "0000" + "00000000").endsWith("03000000");
    }
}
