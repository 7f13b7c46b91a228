package dev.vigil.vrrp.packet;

import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.vrrp.ReceivedPacket;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static dev.vigil.vrrp.packet.VrrpCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvertCheckTest {
    private static final InetAddress PEER = ip("10.0.0.2");
    private static final InetAddress SELF = ip("10.0.0.1");
    private static final InetAddress GROUP = IpFamily.V4.vrrpGroup();
    private static final List<InetAddress> VIPS = List.of(ip("10.0.0.100"), ip("10.0.0.101"));

    private static final AdvertCheck.Expectation V3 = new AdvertCheck.Expectation(3, 51, IpFamily.V4, 100,
            AuthType.NONE, null, VIPS, false, false, List.of(), false);
    private static final AdvertCheck.Expectation V2_PASS = new AdvertCheck.Expectation(2, 51, IpFamily.V4, 100,
            AuthType.PASS, "secret", VIPS, false, false, List.of(), false);

    /** An advert as the codec hands it over: encoded by the sender, received, decoded. */
    private static Verdict receive(VrrpAdvert advert, InetAddress src, InetAddress dst, int ttl,
                                   AdvertCheck.Expectation expected) {
        byte[] bytes = VrrpCodec.encode(advert, src, dst);
        ReceivedPacket packet = new ReceivedPacket(bytes, src, dst, 2, ttl);
        DecodeResult r = VrrpCodec.decode(packet.payload(), IpFamily.of(src), src, dst);
        assertThat(r).isInstanceOf(DecodeResult.Ok.class);
        return AdvertCheck.check(packet, ((DecodeResult.Ok) r).advert(), expected);
    }

    private static Verdict multicast(VrrpAdvert advert, AdvertCheck.Expectation expected) {
        return receive(advert, PEER, GROUP, 255, expected);
    }

    private static AdvertCheck.Expectation with(AdvertCheck.Expectation e, boolean skip, boolean strict,
                                                List<InetAddress> peers, boolean checkSrc) {
        return new AdvertCheck.Expectation(e.version(), e.vrid(), e.family(), e.advertIntervalCentis(), e.authType(),
                e.authPass(), e.addresses(), skip, strict, peers, checkSrc);
    }

    private static void assertDrop(Verdict v, DropReason reason) {
        assertThat(v.kind()).isEqualTo(Verdict.Kind.DROP);
        assertThat(v.reason()).isEqualTo(reason);
        assertThat(v.accepted()).isFalse();
        assertThat(v.detail()).isNotBlank();
    }

    @Test
    void matchingAdvertsAreAccepted() {
        assertThat(multicast(VrrpAdvert.v3(51, 100, 100, VIPS), V3)).isEqualTo(Verdict.accept());
        assertThat(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.PASS, "secret", VIPS), V2_PASS))
                .isEqualTo(Verdict.accept());
        assertThat(Verdict.accept().accepted()).isTrue();
    }

    @Test
    void priorityZeroAndOwnerPriorityNeedNoMoreChecks() {
        assertThat(multicast(VrrpAdvert.v3(51, 0, 100, VIPS), V3).kind()).isEqualTo(Verdict.Kind.ACCEPT);
        assertThat(multicast(VrrpAdvert.v3(51, 255, 100, VIPS), V3).kind()).isEqualTo(Verdict.Kind.ACCEPT);
        assertThat(multicast(VrrpAdvert.v2(51, 0, 1, AuthType.PASS, "wrong", VIPS), V2_PASS).reason())
                .as("priority 0 still needs the password").isEqualTo(DropReason.AUTH_FAILURE);
    }

    @Test
    void multicastNeedsTtl255() {
        VrrpAdvert a = VrrpAdvert.v3(51, 100, 100, VIPS);
        assertDrop(receive(a, PEER, GROUP, 254, V3), DropReason.BAD_TTL);
        assertDrop(receive(a, PEER, GROUP, 1, V3), DropReason.BAD_TTL);
        assertDrop(receive(a, PEER, GROUP, -1, V3), DropReason.BAD_TTL);
    }

    @Test
    void unicastAcceptsAnyTtl() {
        VrrpAdvert a = VrrpAdvert.v3(51, 100, 100, VIPS);
        assertThat(receive(a, PEER, SELF, 64, V3)).isEqualTo(Verdict.accept());
        assertThat(receive(a, PEER, SELF, 1, V3)).isEqualTo(Verdict.accept());
    }

    @Test
    void aPeerTtlRangeDropsAdvertsOutsideItAndLeavesOtherPeersAlone() {
        VrrpAdvert a = VrrpAdvert.v3(51, 100, 100, VIPS);
        InetAddress other = ip("10.0.0.3");
        AdvertCheck.Expectation e = new AdvertCheck.Expectation(3, 51, IpFamily.V4, 100, AuthType.NONE, null, VIPS,
                false, false, List.of(PEER, other), true, List.of(new TtlRange(PEER, 250, 254)));
        assertThat(receive(a, PEER, SELF, 250, e)).isEqualTo(Verdict.accept());
        assertThat(receive(a, PEER, SELF, 254, e)).isEqualTo(Verdict.accept());
        assertDrop(receive(a, PEER, SELF, 249, e), DropReason.TTL_OUT_OF_RANGE);
        assertDrop(receive(a, PEER, SELF, 255, e), DropReason.TTL_OUT_OF_RANGE);
        assertThat(receive(a, PEER, SELF, 255, e).detail()).contains("255").contains("250..254").contains("10.0.0.2");
        assertThat(receive(a, other, SELF, 1, e)).as("no range for that peer").isEqualTo(Verdict.accept());
        assertThatThrownBy(() -> new TtlRange(PEER, 10, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionMustMatch() {
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, VIPS), V3), DropReason.VERSION_MISMATCH);
        assertDrop(multicast(VrrpAdvert.v3(51, 100, 100, VIPS), V2_PASS), DropReason.VERSION_MISMATCH);
    }

    @Test
    void vridMustMatch() {
        assertDrop(multicast(VrrpAdvert.v3(52, 100, 100, VIPS), V3), DropReason.WRONG_VRID);
    }

    @Test
    void v2AuthTypeMustMatch() {
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, VIPS), V2_PASS),
                DropReason.AUTH_TYPE_MISMATCH);
        AdvertCheck.Expectation none = new AdvertCheck.Expectation(2, 51, IpFamily.V4, 100, AuthType.NONE, null,
                VIPS, false, false, List.of(), false);
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.PASS, "secret", VIPS), none),
                DropReason.AUTH_TYPE_MISMATCH);
        assertThat(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.NONE, null, VIPS), none)).isEqualTo(Verdict.accept());
    }

    @Test
    void v2PasswordMustMatchInItsFirstEightBytes() {
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.PASS, "secreT", VIPS), V2_PASS),
                DropReason.AUTH_FAILURE);
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.PASS, "secret1", VIPS), V2_PASS),
                DropReason.AUTH_FAILURE);
        AdvertCheck.Expectation longPass = new AdvertCheck.Expectation(2, 51, IpFamily.V4, 100, AuthType.PASS,
                "12345678-ignored", VIPS, false, false, List.of(), false);
        assertThat(multicast(VrrpAdvert.v2(51, 100, 1, AuthType.PASS, "12345678", VIPS), longPass).accepted())
                .as("only 8 bytes travel").isTrue();
    }

    @Test
    void v2IntervalMustEqualTheLocalOne() {
        assertDrop(multicast(VrrpAdvert.v2(51, 100, 2, AuthType.PASS, "secret", VIPS), V2_PASS),
                DropReason.INTERVAL_MISMATCH);
    }

    @Test
    void v3TakesAnyInterval() {
        assertThat(multicast(VrrpAdvert.v3(51, 100, 50, VIPS), V3)).isEqualTo(Verdict.accept());
        assertThat(multicast(VrrpAdvert.v3(51, 100, 4095, VIPS), V3)).isEqualTo(Verdict.accept());
    }

    @Test
    void differingAddressesWarn() {
        for (List<InetAddress> other : List.of(List.of(ip("10.0.0.100")),
                List.of(ip("10.0.0.100"), ip("10.0.0.102")),
                List.of(ip("10.0.0.100"), ip("10.0.0.101"), ip("10.0.0.102")),
                List.of(ip("10.0.0.100"), ip("10.0.0.100")),
                List.<InetAddress>of())) {
            Verdict v = multicast(VrrpAdvert.v3(51, 100, 100, other), V3);
            assertThat(v.kind()).as(other.toString()).isEqualTo(Verdict.Kind.ACCEPT_WITH_WARNING);
            assertThat(v.reason()).isEqualTo(DropReason.ADDRESS_MISMATCH);
            assertThat(v.accepted()).isTrue();
        }
        Verdict v = multicast(VrrpAdvert.v3(51, 100, 100, List.of(ip("10.0.0.100"))), V3);
        assertThat(v.detail()).isEqualTo("advert addresses [10.0.0.100] differ from configured "
                + "[10.0.0.100, 10.0.0.101]");
    }

    @Test
    void addressOrderDoesNotMatter() {
        assertThat(multicast(VrrpAdvert.v3(51, 100, 100, List.of(ip("10.0.0.101"), ip("10.0.0.100"))), V3))
                .isEqualTo(Verdict.accept());
    }

    @Test
    void skipCheckAdvAddrAcceptsDifferingAddresses() {
        VrrpAdvert a = VrrpAdvert.v3(51, 100, 100, List.of(ip("10.9.9.9")));
        assertThat(multicast(a, with(V3, true, false, List.of(), false))).isEqualTo(Verdict.accept());
        assertThat(multicast(a, with(V3, true, true, List.of(), false))).isEqualTo(Verdict.accept());
    }

    @Test
    void strictModeDropsDifferingAddresses() {
        assertDrop(multicast(VrrpAdvert.v3(51, 100, 100, List.of(ip("10.9.9.9"))), with(V3, false, true,
                List.of(), false)), DropReason.ADDRESS_MISMATCH);
        assertThat(multicast(VrrpAdvert.v3(51, 100, 100, VIPS), with(V3, false, true, List.of(), false)))
                .isEqualTo(Verdict.accept());
    }

    @Test
    void checkUnicastSrcDropsSourcesThatAreNotPeers() {
        VrrpAdvert a = VrrpAdvert.v3(51, 100, 100, VIPS);
        AdvertCheck.Expectation checked = with(V3, false, false, List.of(PEER, ip("10.0.0.3")), true);
        assertThat(receive(a, PEER, SELF, 255, checked)).isEqualTo(Verdict.accept());
        assertDrop(receive(a, ip("10.0.0.4"), SELF, 255, checked), DropReason.UNKNOWN_SOURCE);
        AdvertCheck.Expectation unchecked = with(V3, false, false, List.of(PEER), false);
        assertThat(receive(a, ip("10.0.0.4"), SELF, 255, unchecked)).isEqualTo(Verdict.accept());
        AdvertCheck.Expectation noPeers = with(V3, false, false, List.of(), true);
        assertThat(receive(a, ip("10.0.0.4"), SELF, 255, noPeers)).isEqualTo(Verdict.accept());
    }

    @Test
    void familyMustMatch() {
        List<InetAddress> v6Vips = List.of(ip("fd00::100"));
        Verdict v = receive(VrrpAdvert.v3(51, 100, 100, v6Vips), ip("fe80::2"), IpFamily.V6.vrrpGroup(), 255, V3);
        assertDrop(v, DropReason.WRONG_FAMILY);
        AdvertCheck.Expectation v6 = new AdvertCheck.Expectation(3, 51, IpFamily.V6, 100, AuthType.NONE, null,
                v6Vips, false, false, List.of(), false);
        assertDrop(multicast(VrrpAdvert.v3(51, 100, 100, VIPS), v6), DropReason.WRONG_FAMILY);
        assertThat(receive(VrrpAdvert.v3(51, 100, 100, v6Vips), ip("fe80::2"), IpFamily.V6.vrrpGroup(), 255, v6))
                .isEqualTo(Verdict.accept());
        assertThat(receive(VrrpAdvert.v3(51, 100, 100, List.of()), ip("fe80::2"), IpFamily.V6.vrrpGroup(), 255, v6)
                .kind()).as("no addresses: the packet's family counts").isEqualTo(Verdict.Kind.ACCEPT_WITH_WARNING);
    }

    @Test
    void verdictFactoriesKeepReasonsWithWarningsAndDrops() {
        assertThat(Verdict.warn(DropReason.ADDRESS_MISMATCH, "x").accepted()).isTrue();
        assertThat(Verdict.drop(DropReason.BAD_TTL, "x").accepted()).isFalse();
        assertThatThrownBy(() -> new Verdict(Verdict.Kind.ACCEPT,
                DropReason.BAD_TTL, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict(Verdict.Kind.DROP, null, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
