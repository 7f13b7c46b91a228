package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static dev.vigil.vrrp.packet.VrrpCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adverts sent by keepalived 2.2.7, captured off a veth by {@code golden/capture-keepalived.sh}:
 * decoding gives the configured fields and encoding those fields gives the captured bytes.
 */
class KeepalivedGoldenTest {
    private static final HexFormat HEX = HexFormat.of();

    /** One captured advert: IP source, destination, TTL and the VRRP payload. */
    record Capture(InetAddress source, InetAddress destination, int ttl, byte[] payload) {
        static Capture load(String name) {
            InetAddress src = null;
            InetAddress dst = null;
            int ttl = -1;
            byte[] payload = null;
            for (String line : lines("/golden/" + name + ".txt")) {
                String[] kv = line.split(" ", 2);
                switch (kv[0]) {
                    case "src" -> src = ip(kv[1]);
                    case "dst" -> dst = ip(kv[1]);
                    case "ttl" -> ttl = Integer.parseInt(kv[1]);
                    case "payload" -> payload = HEX.parseHex(kv[1]);
                    default -> { }
                }
            }
            assertThat(payload).as("payload line in " + name).isNotNull();
            return new Capture(src, dst, ttl, payload);
        }

        IpFamily family() {
            return IpFamily.of(source);
        }

        VrrpAdvert decode() {
            DecodeResult r = VrrpCodec.decode(payload, family(), source, destination);
            assertThat(r).isInstanceOf(DecodeResult.Ok.class);
            return ((DecodeResult.Ok) r).advert();
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = KeepalivedGoldenTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void v2PasswordWithTwoAddresses() {
        Capture c = Capture.load("v2-pass");
        VrrpAdvert expected = VrrpAdvert.v2(51, 150, 1, AuthType.PASS, "vigil",
                List.of(ip("10.77.0.100"), ip("10.77.0.101")));
        assertThat(c.decode()).isEqualTo(expected);
        assertThat(VrrpCodec.encode(expected, c.source(), c.destination())).isEqualTo(c.payload());
        assertThat(c.ttl()).isEqualTo(255);
    }

    @Test
    void v2WithoutAuthentication() {
        Capture c = Capture.load("v2-none");
        VrrpAdvert expected = VrrpAdvert.v2(54, 100, 3, AuthType.NONE, null, List.of(ip("10.77.0.120")));
        assertThat(c.decode()).isEqualTo(expected);
        assertThat(VrrpCodec.encode(expected, c.source(), c.destination())).isEqualTo(c.payload());
    }

    @Test
    void v3Ipv4WithHalfSecondInterval() {
        Capture c = Capture.load("v3-ipv4");
        VrrpAdvert expected = VrrpAdvert.v3(52, 120, 50, List.of(ip("10.77.0.110"), ip("10.77.0.111")));
        assertThat(c.destination()).isEqualTo(IpFamily.V4.vrrpGroup());
        assertThat(c.decode()).isEqualTo(expected);
        assertThat(VrrpCodec.encode(expected, c.source(), c.destination())).isEqualTo(c.payload());
    }

    @Test
    void v3Ipv4UnicastChecksumUsesThePeerAddress() {
        Capture c = Capture.load("v3-ipv4-unicast");
        VrrpAdvert expected = VrrpAdvert.v3(55, 110, 100, List.of(ip("10.77.0.130")));
        assertThat(c.destination()).isEqualTo(ip("10.77.0.2"));
        assertThat(c.decode()).isEqualTo(expected);
        assertThat(VrrpCodec.encode(expected, c.source(), c.destination())).isEqualTo(c.payload());
        DecodeResult asIfMulticast = VrrpCodec.decode(c.payload(), IpFamily.V4, c.source(), IpFamily.V4.vrrpGroup());
        assertThat(asIfMulticast).isInstanceOf(DecodeResult.Malformed.class);
    }

    @Test
    void v3Ipv6FromLinkLocalSource() {
        Capture c = Capture.load("v3-ipv6");
        VrrpAdvert expected = VrrpAdvert.v3(53, 200, 100, List.of(ip("fd77::100"), ip("fd77::101")));
        assertThat(c.source()).isEqualTo(ip("fe80::ff:fe77:1"));
        assertThat(c.destination()).isEqualTo(IpFamily.V6.vrrpGroup());
        assertThat(c.decode()).isEqualTo(expected);

        byte[] encoded = VrrpCodec.encode(expected, c.source(), c.destination());
        assertThat(encoded).hasSameSizeAs(c.payload());
        assertThat(Arrays.copyOfRange(encoded, 0, 6)).isEqualTo(Arrays.copyOfRange(c.payload(), 0, 6));
        assertThat(Arrays.copyOfRange(encoded, 8, encoded.length))
                .isEqualTo(Arrays.copyOfRange(c.payload(), 8, c.payload().length));
        assertThat(encoded[6] | encoded[7]).as("left for the kernel").isZero();

        int checksum = ipv6PseudoHeaderChecksum(c.source(), c.destination(), encoded);
        assertThat(checksum).isEqualTo((c.payload()[6] & 0xff) << 8 | c.payload()[7] & 0xff).isNotZero();
    }

    /** RFC 1071 sum over the IPv6 pseudo-header (RFC 8200 section 8.1) with next header 112, then the message. */
    private static int ipv6PseudoHeaderChecksum(InetAddress src, InetAddress dst, byte[] message) {
        byte[] b = new byte[40 + message.length + 1];
        System.arraycopy(src.getAddress(), 0, b, 0, 16);
        System.arraycopy(dst.getAddress(), 0, b, 16, 16);
        b[34] = (byte) (message.length >>> 8);
        b[35] = (byte) message.length;
        b[39] = 112;
        System.arraycopy(message, 0, b, 40, message.length);
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }
}
