package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.arp.InetChecksum;
import dev.vigil.kernel.vrrp.VrrpSocket;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encodes and decodes VRRP messages (the IP payload, no IP header): VRRPv3 (RFC 5798 section 5.1)
 * over IPv4 and IPv6, VRRPv2 (RFC 3768 section 5.1) over IPv4.
 *
 * <p>Checksums: v2 covers the VRRP message (RFC 3768 section 5.3.8); v3 over IPv4 covers the IPv4
 * pseudo-header and the message (RFC 5798 section 5.2.8), so the source and destination must be
 * given; v3 over IPv6 is left zero on encode and not checked on decode, because the VRRP socket
 * sets {@code IPV6_CHECKSUM} and the kernel computes it on send and verifies it on receipt.
 */
public final class VrrpCodec {
    /** Length of the fixed header, up to and including the checksum. */
    public static final int HEADER_LENGTH = 8;
    /** Type ADVERTISEMENT, the only VRRP type (RFC 5798 section 5.2.2). */
    public static final int TYPE_ADVERTISEMENT = 1;
    private static final int CHECKSUM_OFFSET = 6;

    private VrrpCodec() {
    }

    /**
     * The VRRP message of {@code advert}. {@code destination} (the VRRP group or a unicast peer) is
     * required for v3: its family is the packet's, which must match the advert's addresses; v3 over
     * IPv4 also needs {@code source} for the checksum. v2 ignores both (they may be null).
     */
    public static byte[] encode(VrrpAdvert advert, InetAddress source, InetAddress destination) {
        Objects.requireNonNull(advert, "advert");
        return advert.version() == 2 ? encodeV2(advert) : encodeV3(advert, source, destination);
    }

    private static byte[] encodeV2(VrrpAdvert advert) {
        int n = advert.addresses().size();
        byte[] out = new byte[HEADER_LENGTH + 4 * n + VrrpAdvert.AUTH_DATA_LENGTH];
        header(out, advert);
        out[4] = (byte) advert.authType().wireValue();
        out[5] = (byte) (advert.advertIntervalCentis() / 100);
        int pos = putAddresses(out, advert.addresses());
        byte[] auth = advert.authData();
        System.arraycopy(auth, 0, out, pos, auth.length);
        putChecksum(out, InetChecksum.of(out, 0, out.length));
        return out;
    }

    private static byte[] encodeV3(VrrpAdvert advert, InetAddress source, InetAddress destination) {
        Objects.requireNonNull(destination, "destination");
        IpFamily family = IpFamily.of(destination);
        if (advert.familyOr(family) != family) {
            throw new IllegalArgumentException("cannot send " + advert.family() + " addresses to "
                    + destination.getHostAddress());
        }
        byte[] out = new byte[HEADER_LENGTH + family.addressLength() * advert.addresses().size()];
        header(out, advert);
        out[4] = (byte) (advert.advertIntervalCentis() >>> 8);
        out[5] = (byte) advert.advertIntervalCentis();
        putAddresses(out, advert.addresses());
        if (family == IpFamily.V4) {
            Objects.requireNonNull(source, "source");
            if (!IpFamily.V4.matches(source)) {
                throw new IllegalArgumentException("IPv4 packet needs an IPv4 source, not " + source.getHostAddress());
            }
            putChecksum(out, ipv4Checksum(source, destination, out));
        }
        return out;
    }

    private static void header(byte[] out, VrrpAdvert advert) {
        out[0] = (byte) (advert.version() << 4 | TYPE_ADVERTISEMENT);
        out[1] = (byte) advert.vrid();
        out[2] = (byte) advert.priority();
        out[3] = (byte) advert.addresses().size();
    }

    private static int putAddresses(byte[] out, List<InetAddress> addresses) {
        int pos = HEADER_LENGTH;
        for (InetAddress a : addresses) {
            byte[] b = a.getAddress();
            System.arraycopy(b, 0, out, pos, b.length);
            pos += b.length;
        }
        return pos;
    }

    private static void putChecksum(byte[] out, int checksum) {
        out[CHECKSUM_OFFSET] = (byte) (checksum >>> 8);
        out[CHECKSUM_OFFSET + 1] = (byte) checksum;
    }

    /**
     * The Internet checksum over the IPv4 pseudo-header (source, destination, zero, protocol 112,
     * VRRP length) and {@code message} (RFC 5798 section 5.2.8). Gives the value to store when the
     * checksum field is zero, and 0 for a received message whose checksum is right.
     */
    public static int ipv4Checksum(InetAddress source, InetAddress destination, byte[] message) {
        byte[] b = new byte[12 + message.length];
        System.arraycopy(source.getAddress(), 0, b, 0, 4);
        System.arraycopy(destination.getAddress(), 0, b, 4, 4);
        b[9] = (byte) VrrpSocket.PROTOCOL;
        b[10] = (byte) (message.length >>> 8);
        b[11] = (byte) message.length;
        System.arraycopy(message, 0, b, 12, message.length);
        return InetChecksum.of(b, 0, b.length);
    }

    /**
     * Parses {@code payload}, received over {@code family} from {@code source} to
     * {@code destination}, and checks its form: length, version (2 or 3; 2 only over IPv4), type,
     * checksum (IPv4 only: over IPv6 the kernel verified it), address count against the length,
     * VRID not 0 and, for v2, a known Auth Type. Whether it suits an instance is {@link AdvertCheck}'s
     * job.
     */
    public static DecodeResult decode(byte[] payload, IpFamily family, InetAddress source, InetAddress destination) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        byte[] p = payload.clone();
        DecodeResult.Malformed bad = checkForm(p, family, source, destination);
        if (bad != null) {
            return bad;
        }
        int version = p[0] >>> 4 & 0xf;
        List<InetAddress> addresses = addresses(p, family);
        if (version == 3) {
            int interval = (p[4] & 0x0f) << 8 | p[5] & 0xff;
            return new DecodeResult.Ok(new VrrpAdvert(3, p[1] & 0xff, p[2] & 0xff, interval, AuthType.NONE,
                    new byte[0], addresses));
        }
        AuthType auth = AuthType.ofWire(p[4] & 0xff);
        byte[] authData = auth == AuthType.PASS
                ? Arrays.copyOfRange(p, p.length - VrrpAdvert.AUTH_DATA_LENGTH, p.length) : new byte[0];
        return new DecodeResult.Ok(new VrrpAdvert(2, p[1] & 0xff, p[2] & 0xff, (p[5] & 0xff) * 100, auth,
                authData, addresses));
    }

    private static DecodeResult.Malformed checkForm(byte[] p, IpFamily family, InetAddress source,
                                                    InetAddress destination) {
        if (p.length < HEADER_LENGTH) {
            return malformed(DropReason.TOO_SHORT, "%d bytes, the VRRP header has %d", p.length, HEADER_LENGTH);
        }
        int version = p[0] >>> 4 & 0xf;
        if (version != 2 && version != 3 || version == 2 && family == IpFamily.V6) {
            return malformed(DropReason.BAD_VERSION, "version %d over %s", version, family);
        }
        if ((p[0] & 0xf) != TYPE_ADVERTISEMENT) {
            return malformed(DropReason.BAD_TYPE, "type %d, only 1 (advertisement) exists", p[0] & 0xf);
        }
        DecodeResult.Malformed badSum = checkChecksum(p, version, family, source, destination);
        if (badSum != null) {
            return badSum;
        }
        int count = p[3] & 0xff;
        int want = HEADER_LENGTH + count * family.addressLength() + (version == 2 ? VrrpAdvert.AUTH_DATA_LENGTH : 0);
        if (p.length != want) {
            return malformed(DropReason.BAD_LENGTH, "%d bytes, but %d %s addresses%s need %d", p.length, count,
                    family, version == 2 ? " and authentication data" : "", want);
        }
        if (p[1] == 0) {
            return malformed(DropReason.WRONG_VRID, "VRID 0 is not a valid virtual router id");
        }
        if (version == 2 && (p[4] & 0xff) > AuthType.AH.wireValue()) {
            return malformed(DropReason.BAD_AUTH_TYPE, "unknown auth type %d", p[4] & 0xff);
        }
        return null;
    }

    private static DecodeResult.Malformed checkChecksum(byte[] p, int version, IpFamily family, InetAddress source,
                                                        InetAddress destination) {
        if (family == IpFamily.V6) {
            return null;
        }
        if (!IpFamily.V4.matches(source) || !IpFamily.V4.matches(destination)) {
            throw new IllegalArgumentException("an IPv4 packet needs IPv4 source and destination");
        }
        int sum = version == 2 ? InetChecksum.of(p, 0, p.length) : ipv4Checksum(source, destination, p);
        if (sum != 0) {
            return malformed(DropReason.BAD_CHECKSUM, "checksum 0x%04x does not verify (VRRPv%d%s)",
                    (p[CHECKSUM_OFFSET] & 0xff) << 8 | p[CHECKSUM_OFFSET + 1] & 0xff, version,
                    version == 3 ? " with IPv4 pseudo-header " + source.getHostAddress() + " > "
                            + destination.getHostAddress() : "");
        }
        return null;
    }

    private static List<InetAddress> addresses(byte[] p, IpFamily family) {
        int len = family.addressLength();
        int count = p[3] & 0xff;
        List<InetAddress> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] a = Arrays.copyOfRange(p, HEADER_LENGTH + i * len, HEADER_LENGTH + (i + 1) * len);
            out.add(address(a, family));
        }
        return out;
    }

    private static InetAddress address(byte[] a, IpFamily family) {
        try {
            // Inet6Address.getByAddress keeps an IPv4-mapped IPv6 address IPv6.
            return family == IpFamily.V4 ? InetAddress.getByAddress(a) : Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + a.length, e);
        }
    }

    private static DecodeResult.Malformed malformed(DropReason reason, String format, Object... args) {
        return new DecodeResult.Malformed(reason, String.format(format, args));
    }
}
