package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.vrrp.ReceivedPacket;
import dev.vigil.kernel.vrrp.VrrpSocket;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The receive checks of one VRRP instance on a decoded advertisement: RFC 5798 section 7.1 and
 * RFC 3768 section 7.1, with keepalived's choices where the RFCs leave room (see
 * {@code man 5 keepalived.conf}). Checks of form and checksum are {@link VrrpCodec#decode}'s; a
 * priority of 0 or 255 needs nothing more here (the state machine acts on it).
 *
 * <p>In order: family, TTL, unicast source, peer TTL range, version, VRID, v2 authentication, v2 interval, address
 * list. The first failure decides.
 */
public final class AdvertCheck {
    private AdvertCheck() {
    }

    /**
     * What one instance expects of adverts it receives.
     *
     * @param version              the instance's VRRP version, 2 or 3
     * @param vrid                 its virtual router id
     * @param family               its address family
     * @param advertIntervalCentis its advertisement interval; compared for v2 only
     * @param authType             its v2 auth type ({@link AuthType#NONE} for v3)
     * @param authPass             its v2 {@code auth_pass}, used with {@link AuthType#PASS}; may be null otherwise
     * @param addresses            its virtual addresses, compared with the advert's
     * @param skipCheckAdvAddr     do not compare addresses. keepalived skips the comparison only when
     *                             the advert comes from the same master as the previous one, so the
     *                             caller passes {@code skip_check_adv_addr && source == last master}
     * @param strict               {@code strict_mode}: a differing address list drops the advert
     * @param unicastPeers         its unicast peers; empty for multicast
     * @param checkUnicastSrc      {@code check_unicast_src}: adverts from sources other than the
     *                             peers are dropped (only when there are peers)
     * @param peerTtls             the TTL ranges of peers configured with {@code min_ttl} / {@code max_ttl}
     */
    public record Expectation(int version, int vrid, IpFamily family, int advertIntervalCentis,
                              AuthType authType, String authPass, List<InetAddress> addresses,
                              boolean skipCheckAdvAddr, boolean strict, List<InetAddress> unicastPeers,
                              boolean checkUnicastSrc, List<TtlRange> peerTtls) {
        public Expectation {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(authType, "authType");
            addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
            unicastPeers = List.copyOf(Objects.requireNonNull(unicastPeers, "unicastPeers"));
            peerTtls = List.copyOf(Objects.requireNonNull(peerTtls, "peerTtls"));
            if (authType == AuthType.PASS) {
                Objects.requireNonNull(authPass, "authPass");
            }
        }

        /** An expectation without per-peer TTL ranges. */
        public Expectation(int version, int vrid, IpFamily family, int advertIntervalCentis, AuthType authType,
                           String authPass, List<InetAddress> addresses, boolean skipCheckAdvAddr, boolean strict,
                           List<InetAddress> unicastPeers, boolean checkUnicastSrc) {
            this(version, vrid, family, advertIntervalCentis, authType, authPass, addresses, skipCheckAdvAddr, strict,
                    unicastPeers, checkUnicastSrc, List.of());
        }
    }

    /** The verdict on {@code advert}, decoded from {@code packet}, for the instance {@code expected} describes. */
    public static Verdict check(ReceivedPacket packet, VrrpAdvert advert, Expectation expected) {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(advert, "advert");
        Objects.requireNonNull(expected, "expected");
        Verdict v = checkTransport(packet, advert, expected);
        if (v == null) {
            v = checkHeader(advert, expected);
        }
        if (v == null && advert.version() == 2) {
            v = checkV2(advert, expected);
        }
        return v != null ? v : checkAddresses(advert, expected);
    }

    /**
     * Family, TTL and source. RFC 5798 / 3768 section 7.1: the TTL / hop limit MUST be 255. That
     * holds for multicast; for unicast keepalived checks only an optional per-peer
     * {@code min_ttl}/{@code max_ttl} range (routed peers arrive with less), so any TTL is
     * accepted for unicast unless the peer has a {@link TtlRange}, which the TTL must then fall in.
     */
    private static Verdict checkTransport(ReceivedPacket packet, VrrpAdvert advert, Expectation expected) {
        IpFamily packetFamily = IpFamily.of(packet.source());
        if (packetFamily != expected.family() || advert.familyOr(packetFamily) != expected.family()) {
            return Verdict.drop(DropReason.WRONG_FAMILY, "received " + packetFamily + " advert carrying "
                    + advert.familyOr(packetFamily) + " addresses, instance is " + expected.family());
        }
        if (packet.multicast() && packet.ttl() != VrrpSocket.TTL) {
            return Verdict.drop(DropReason.BAD_TTL, packet.ttl() < 0 ? "TTL/hop limit not reported"
                    : "TTL/hop limit " + packet.ttl() + ", must be 255");
        }
        if (expected.checkUnicastSrc() && !expected.unicastPeers().isEmpty()
                && !contains(expected.unicastPeers(), packet.source())) {
            return Verdict.drop(DropReason.UNKNOWN_SOURCE, "source " + packet.source().getHostAddress()
                    + " is not a unicast peer");
        }
        for (TtlRange r : expected.peerTtls()) {
            if (Arrays.equals(r.peer().getAddress(), packet.source().getAddress()) && !r.accepts(packet.ttl())) {
                return Verdict.drop(DropReason.TTL_OUT_OF_RANGE, "TTL/hop limit " + packet.ttl() + " outside "
                        + r.min() + ".." + r.max() + " configured for peer " + r.peer().getHostAddress());
            }
        }
        return null;
    }

    private static Verdict checkHeader(VrrpAdvert advert, Expectation expected) {
        if (advert.version() != expected.version()) {
            return Verdict.drop(DropReason.VERSION_MISMATCH, "version " + advert.version() + ", instance uses "
                    + expected.version());
        }
        if (advert.vrid() != expected.vrid()) {
            return Verdict.drop(DropReason.WRONG_VRID, "VRID " + advert.vrid() + ", instance is " + expected.vrid());
        }
        return null;
    }

    /**
     * RFC 3768 section 7.1: the auth type and, for PASS, the password must match; an advertisement
     * interval other than the local one is discarded (keepalived logs and discards too). VRRPv3
     * takes any interval: a backup learns the master's (RFC 5798 section 6.4.2).
     */
    private static Verdict checkV2(VrrpAdvert advert, Expectation expected) {
        if (advert.authType() != expected.authType()) {
            return Verdict.drop(DropReason.AUTH_TYPE_MISMATCH, "auth type " + advert.authType() + ", instance uses "
                    + expected.authType());
        }
        if (advert.authType() == AuthType.PASS
                && !Arrays.equals(advert.authData(), VrrpAdvert.passwordBytes(expected.authPass()))) {
            return Verdict.drop(DropReason.AUTH_FAILURE, "password does not match");
        }
        if (advert.advertIntervalCentis() != expected.advertIntervalCentis()) {
            return Verdict.drop(DropReason.INTERVAL_MISMATCH, "advert interval " + advert.advertIntervalCentis() / 100
                    + "s, instance uses " + expected.advertIntervalCentis() / 100.0 + "s");
        }
        return null;
    }

    /**
     * RFC 5798 section 7.1 lets a router log a misconfiguration when the addresses differ and
     * still accept; keepalived warns, and drops in {@code strict_mode}.
     */
    private static Verdict checkAddresses(VrrpAdvert advert, Expectation expected) {
        if (expected.skipCheckAdvAddr() || sameAddresses(advert.addresses(), expected.addresses())) {
            return Verdict.accept();
        }
        String detail = "advert addresses " + text(advert.addresses()) + " differ from configured "
                + text(expected.addresses());
        return expected.strict() ? Verdict.drop(DropReason.ADDRESS_MISMATCH, detail)
                : Verdict.warn(DropReason.ADDRESS_MISMATCH, detail);
    }

    private static boolean sameAddresses(List<InetAddress> received, List<InetAddress> configured) {
        if (received.size() != configured.size()) {
            return false;
        }
        Set<InetAddress> want = new HashSet<>(configured);
        return want.size() == configured.size() && want.containsAll(received)
                && new HashSet<>(received).size() == received.size();
    }

    private static boolean contains(List<InetAddress> list, InetAddress a) {
        return list.stream().anyMatch(x -> Arrays.equals(x.getAddress(), a.getAddress()));
    }

    private static String text(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ", "[", "]"));
    }
}
